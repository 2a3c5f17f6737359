package org.p2psim.inspect;

import java.util.List;

/**
 * Where the inspector finds a device's files: the one place that knows how files are stored. Until
 * stores hold files, {@link #NONE} is used and the inspector shows messages only; a source that
 * reads the store's file tables (or the client's {@code files()}) plugs in with
 * {@link Inspector#files(FileSource)}.
 */
@FunctionalInterface
public interface FileSource {
    /** No files. */
    FileSource NONE = (inspection, device) -> List.of();

    /** The files {@code device} knows of (complete or not), oldest first. */
    List<FileEntry> files(Inspection inspection, String device);
}
