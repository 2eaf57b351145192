package org.visitwise.agent.understanding;

import java.util.Collection;
import java.util.List;

import org.visitwise.scheduling.PracticeDirectory.LocationInfo;
import org.visitwise.scheduling.PracticeDirectory.PractitionerInfo;
import org.visitwise.scheduling.PracticeDirectory.Snapshot;

/** What of the practice a message is read against: its practitioners, locations and visit types. */
public record Practice(Collection<PractitionerInfo> practitioners, Collection<LocationInfo> locations,
        List<String> visitTypes) {

    public static Practice of(Snapshot directory, List<String> visitTypes) {
        return new Practice(directory.practitioners().values(), directory.locations().values(), visitTypes);
    }
}
