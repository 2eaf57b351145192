package org.visitwise.agent.wording;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.visitwise.agent.AgentConfig;
import org.visitwise.agent.QuickReply;
import org.visitwise.agent.understanding.TimeOfDay;
import org.visitwise.scheduling.AppointmentView;
import org.visitwise.scheduling.Party;
import org.visitwise.scheduling.SlotView;

/**
 * What the assistant says, in the patient's language: every reply and quick-reply label from the
 * message bundle {@code i18n/messages_<code>.properties}, dates and times formatted for the locale.
 * No text is put together in code: a new language is a new bundle.
 */
@ApplicationScoped
public class Wording {

    private final List<String> languages;
    private final Map<String, ResourceBundle> bundles = new ConcurrentHashMap<>();

    @Inject
    Wording(AgentConfig config) {
        this(config.languages());
    }

    private Wording(List<String> languages) {
        this.languages = List.copyOf(languages);
        languages.forEach(this::bundle);
    }

    /** Wording for these languages, the first being the default (for tests). */
    public static Wording forLanguages(List<String> languages) {
        return new Wording(languages);
    }

    /** {@code language} if the assistant speaks it, else the default language. */
    public String supported(String language) {
        return language != null && languages.contains(language) ? language : languages.get(0);
    }

    /**
     * The language of an {@code Accept-Language} header the assistant speaks best, or null when the
     * header is absent, malformed or names none of them.
     */
    public String preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 200) {
            return null;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String code = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                if (languages.contains(code)) {
                    return code;
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /** The message {@code key} in {@code language}, with {@code args} filled in. */
    public String text(String language, String key, Object... args) {
        String pattern = bundle(supported(language)).getString(key);
        return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale(language)).format(args);
    }

    public Locale locale(String language) {
        return Locale.forLanguageTag(supported(language));
    }

    /** The menu, whose choices stand at any point of a conversation. */
    public List<QuickReply> menu(String language) {
        return List.of(new QuickReply("book", text(language, "menu.book")), new QuickReply("list", text(language, "menu.list")),
                new QuickReply("cancel", text(language, "menu.cancel")),
                new QuickReply("reschedule", text(language, "menu.reschedule")));
    }

    /** A start time, as "Tue, Dec 8 at 2:00 PM" or "mar 8 de dic, a las 14:00". */
    public String when(String offsetStart, String language) {
        return format(language, "format.when").format(OffsetDateTime.parse(offsetStart));
    }

    /** A day, as "Tuesday, December 8". */
    public String day(LocalDate date, String language) {
        return format(language, "format.day").format(date);
    }

    public String slot(SlotView slot, String language) {
        return text(language, "slot.label", when(slot.time().start(), language), name(slot.practitioner(), language),
                name(slot.location(), language));
    }

    public String appointment(AppointmentView a, String language) {
        return text(language, "slot.label", when(a.time().start(), language), name(a.practitioner(), language),
                name(a.location(), language));
    }

    /** A visit type's name; a configured type without one in the bundle reads as its code. */
    public String visitType(String code, String language) {
        try {
            return bundle(supported(language)).getString("visitType." + code);
        } catch (MissingResourceException e) {
            return code.replace('-', ' ');
        }
    }

    public String timeOfDay(TimeOfDay time, String language) {
        String key = "timeOfDay." + time.kind().name().toLowerCase(Locale.ROOT);
        return time.time() == null ? text(language, key)
                : text(language, key, format(language, "format.time").format(time.time()));
    }

    private String name(Party party, String language) {
        return party == null || party.name() == null ? text(language, "party.unknown") : party.name();
    }

    private DateTimeFormatter format(String language, String key) {
        return DateTimeFormatter.ofPattern(bundle(supported(language)).getString(key).replace("''", "'"), locale(language));
    }

    private ResourceBundle bundle(String language) {
        return bundles.computeIfAbsent(language, l -> ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag(l),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
}
