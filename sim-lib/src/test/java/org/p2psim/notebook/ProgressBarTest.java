package org.p2psim.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void saysTheShareTheWorkDoneAndWhatIsLeftThenDone() {
        ProgressBar bar = ProgressBar.start("sweep loss");
        bar.update(0.25, "3 of 12 runs");
        String text = bar.text();
        assertTrue(text.startsWith("sweep loss: 25 % · 3 of 12 runs · "), text);
        assertTrue(text.matches(".* s, about \\d+ s left"), text);
        bar.update(1, "12 of 12 runs");
        assertEquals("sweep loss: 100 % · 12 of 12 runs · done", bar.text(), "no wall time once done");
        assertEquals("", bar.html(), "a finished bar leaves nothing in the notebook");
    }

    @Test
    void outsideAKernelNothingIsShown() {
        assertFalse(LiveOutput.inKernel());
        LiveOutput out = LiveOutput.open(ProgressBar.start("x"));
        assertFalse(out.isShown());
        out.update(ProgressBar.start("y"));   // ignored, no kernel
    }
}
