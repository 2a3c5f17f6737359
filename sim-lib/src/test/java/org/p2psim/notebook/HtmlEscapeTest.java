package org.p2psim.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlEscapeTest {
    @Test
    void escapesTheFiveCharactersThatMatterInTextAndQuotedAttributes() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;",
                HtmlEscape.escape("<a href=\"x\" title='y'>Tom & Jerry</a>"));
    }

    @Test
    void leavesOtherTextAloneAndTurnsNullIntoNothing() {
        assertEquals("plain · text ✓", HtmlEscape.escape("plain · text ✓"));
        assertEquals("", HtmlEscape.escape(null));
    }
}
