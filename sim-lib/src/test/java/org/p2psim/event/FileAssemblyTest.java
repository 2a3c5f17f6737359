package org.p2psim.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2psim.crypto.Blake3;
import org.p2psim.crypto.FileKey;

class FileAssemblyTest {
    private final FileKey key = FileKey.generate(new SplittableRandom(7));
    private final byte[] content = "0123456789".repeat(30).getBytes();
    private final String hash = HexFormat.of().formatHex(Blake3.hash256(content));

    private List<FileAssembly.Chunk> chunks(FileKey tags) {
        List<FileAssembly.Chunk> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(new FileAssembly.Chunk(2 - i, tags.chunkTagHex(2 - i), Arrays.copyOfRange(content, (2 - i) * 100, (3 - i) * 100)));
        }
        return out;
    }

    @Test
    void reassemblesChunksInIndexOrder() {
        var result = FileAssembly.assemble(key, 3, content.length, hash, chunks(key));
        assertArrayEquals(content, assertInstanceOf(FileAssembly.Complete.class, result).content());
    }

    @Test
    void chunksWithAnotherFilesTagDoNotCount() {
        FileKey other = FileKey.generate(new SplittableRandom(8));
        var result = FileAssembly.assemble(key, 3, content.length, hash, chunks(other));
        assertEquals(new FileAssembly.Incomplete(0, 3), result);
    }

    @Test
    void sizeAndHashAreChecked() {
        assertEquals(new FileAssembly.WrongSize(content.length), FileAssembly.assemble(key, 3, 1, hash, chunks(key)));
        assertInstanceOf(FileAssembly.WrongHash.class, FileAssembly.assemble(key, 3, content.length, "00", chunks(key)));
    }
}
