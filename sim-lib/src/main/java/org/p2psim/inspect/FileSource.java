package org.p2psim.inspect;

import java.util.List;

/**
 * Where the inspector finds a device's files: the one place that knows how files are stored. The
 * default, {@link #STORE}, reads the store's {@code files} and {@code file_chunks} tables where they
 * exist (and finds no files in a store without them); another source (e.g. one over the client's
 * {@code files()}) plugs in with {@link Inspector#files(FileSource)}.
 */
@FunctionalInterface
public interface FileSource {
    /** No files: the inspector shows messages only. */
    FileSource NONE = (inspection, device) -> List.of();

    /** The store's own file tables ({@code files}, {@code file_chunks}), when it has them. */
    FileSource STORE = StoreFiles.INSTANCE;

    /** The files {@code device} knows of (complete or not), oldest first. */
    List<FileEntry> files(Inspection inspection, String device);
}
