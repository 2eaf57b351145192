package org.visitwise.scheduling;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/** Releases holds nobody booked or released in time, so that no slot stays blocked. */
@ApplicationScoped
public class HoldSweeper {

    private final SchedulingService scheduling;

    HoldSweeper(SchedulingService scheduling) {
        this.scheduling = scheduling;
    }

    @Scheduled(every = "${visitwise.scheduling.hold-sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int released = scheduling.releaseExpiredHolds();
        if (released > 0) {
            Log.infof("Released %d expired hold(s)", released);
        }
    }
}
