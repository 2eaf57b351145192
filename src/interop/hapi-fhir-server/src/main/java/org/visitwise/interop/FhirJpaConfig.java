package org.visitwise.interop;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import jakarta.persistence.EntityManagerFactory;
import org.apache.commons.dbcp2.BasicDataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

import javax.sql.DataSource;
import java.util.Properties;
import java.util.UUID;

/**
 * Spring configuration of the HAPI FHIR JPA R4 stack: HAPI's own configs plus the few beans an application
 * must supply (storage settings, data source, entity manager factory, transaction manager).
 */
@Configuration
@Import({
    JpaR4Config.class, // R4 DAOs, resource providers ("myResourceProvidersR4"), system DAO/provider
    HapiJpaConfig.class, // paging provider, validation support chain, (disabled) full-text search
    JpaBatch2Config.class, // batch2 job coordinator that the terminology and reindex services need
    Batch2JobsConfig.class, // the built-in batch2 job definitions (reindex, expunge, ...)
    SubscriptionChannelConfig.class, // in-memory (LinkedBlockingQueue) message broker used by batch2
    ThreadPoolFactoryConfig.class // thread pools for transaction bundle processing
})
public class FhirJpaConfig {

    @Bean
    public JpaStorageSettings storageSettings() {
        JpaStorageSettings s = new JpaStorageSettings();
        // Client-assigned ids of any form (PUT Patient/pat-001 creates); server-assigned ids are UUIDs so they
        // can never collide with a client-assigned one.
        s.setResourceClientIdStrategy(JpaStorageSettings.ClientIdStrategyEnum.ANY);
        s.setResourceServerIdStrategy(JpaStorageSettings.IdStrategyEnum.UUID);
        // Searches are answered from a cached earlier search for 60 s, HAPI's default, as a practice's
        // server does: the agent must ask for fresh results where freshness matters (Cache-Control: no-cache).
        return s;
    }

    /** Required by HAPI's entity manager factory; partitioning stays off. */
    @Bean
    public PartitionSettings partitionSettings() {
        return new PartitionSettings();
    }

    @Bean(destroyMethod = "close")
    public BasicDataSource dataSource() {
        BasicDataSource ds = new BasicDataSource();
        ds.setDriver(new org.h2.Driver());
        // a fresh, private in-memory database per JVM; kept alive until the JVM exits
        ds.setUrl("jdbc:h2:mem:hapi-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUsername("sa");
        ds.setPassword("");
        ds.setMaxTotal(20);
        return ds;
    }

    @Bean
    @Primary
    public LocalContainerEntityManagerFactoryBean entityManagerFactory(
            ConfigurableListableBeanFactory beanFactory, FhirContext fhirContext, JpaStorageSettings settings,
            DataSource dataSource) {
        LocalContainerEntityManagerFactoryBean emf =
                HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, fhirContext, settings);
        emf.setPersistenceUnitName("HAPI_PU");
        emf.setDataSource(dataSource);
        Properties jpa = new Properties();
        jpa.put("hibernate.dialect", HapiFhirH2Dialect.class.getName());
        jpa.put("hibernate.hbm2ddl.auto", "update");
        jpa.put("hibernate.format_sql", "false");
        jpa.put("hibernate.show_sql", "false");
        jpa.put("hibernate.search.enabled", "false");
        emf.setJpaProperties(jpa);
        return emf;
    }

    @Bean
    @Primary
    public JpaTransactionManager transactionManager(EntityManagerFactory emf) {
        return new JpaTransactionManager(emf);
    }
}
