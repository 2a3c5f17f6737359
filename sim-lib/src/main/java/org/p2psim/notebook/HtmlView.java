package org.p2psim.notebook;

/**
 * Something that shows itself as HTML in a notebook: a value of this type at the end of a cell is
 * displayed as its {@link #html()} by the JJava extension (no {@code display} call needed), and
 * as {@link #text()} where HTML is not shown. The HTML must be a self-contained fragment: inline
 * styles, no scripts, every user text escaped.
 */
public interface HtmlView {
    /** A self-contained HTML fragment. */
    String html();

    /** A plain-text form, for front ends without HTML. */
    default String text() {
        return toString();
    }
}
