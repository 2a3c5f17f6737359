package org.p2psim.inspect;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.p2psim.inspect.render.Html;
import org.p2psim.notebook.HtmlEscape;

/**
 * How a shared file shows: its card in the chat, its line in the downloads box. A complete image
 * shows as a small thumbnail (decoded and scaled here, so a 200 KB photo costs a few KB of HTML);
 * an incomplete one as a placeholder of its chunks, each cell filled when the device holds that chunk, with the received fraction written across it: the
 * download's progress in the image itself.
 */
final class FileViews {
    static final int WIDTH = 240;
    static final int HEIGHT = 160;
    /** Above this many chunks the placeholder fills by fraction instead of drawing a cell per chunk. */
    static final int MAX_CELLS = 1600;

    private FileViews() {}

    /** A data URI of a JPEG thumbnail at most {@link #WIDTH} × {@link #HEIGHT}, or null when the bytes are not an image ImageIO reads. */
    static String thumbnail(byte[] content) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
            if (image == null) {
                return null;
            }
            double scale = Math.min(1.0, Math.min(WIDTH / (double) image.getWidth(), HEIGHT / (double) image.getHeight()));
            int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
            BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = small.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(image, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(small, "jpeg", out);
            return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The chunk placeholder of an incomplete file, as inline SVG. */
    static String placeholder(FileEntry f) {
        int n = Math.max(1, f.chunksTotal());
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" style=\"display:block;border-radius:4px\" role=\"img\" aria-label=\"")
                .append(HtmlEscape.escape(f.name() + ": " + f.chunksHeld() + " of " + f.chunksTotal() + " chunks")).append("\">");
        svg.append("<rect width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" fill=\"#e4e7ec\"/>");
        if (f.held() != null && n <= MAX_CELLS) {
            cells(svg, f.held(), n);
        } else {
            double filled = HEIGHT * f.progress();
            svg.append("<rect y=\"").append(fmt(HEIGHT - filled)).append("\" width=\"").append(WIDTH).append("\" height=\"")
                    .append(fmt(filled)).append("\" fill=\"#8fb0e6\"/>");
        }
        String label = Html.pct(f.progress()).replace(".0%", "%");
        svg.append("<rect x=\"").append(WIDTH / 2 - 44).append("\" y=\"").append(HEIGHT / 2 - 17)
                .append("\" width=\"88\" height=\"34\" rx=\"6\" fill=\"#000\" fill-opacity=\"0.55\"/>");
        svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2 + 7)
                .append("\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"20\" fill=\"#fff\">")
                .append(HtmlEscape.escape(label)).append("</text>");
        return svg.append("</svg>").toString();
    }

    /** One cell per chunk, row by row; held chunks filled. */
    private static void cells(StringBuilder svg, BitSet held, int n) {
        int cols = (int) Math.ceil(Math.sqrt(n * (double) WIDTH / HEIGHT));
        int rows = (int) Math.ceil(n / (double) cols);
        double cw = WIDTH / (double) cols;
        double ch = HEIGHT / (double) rows;
        for (int i = held.nextSetBit(0); i >= 0 && i < n; i = held.nextSetBit(i + 1)) {
            int r = i / cols;
            int c = i % cols;
            svg.append("<rect x=\"").append(fmt(c * cw)).append("\" y=\"").append(fmt(r * ch)).append("\" width=\"")
                    .append(fmt(cw)).append("\" height=\"").append(fmt(ch)).append("\" fill=\"#6f97dc\"/>");
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A file shared in the chat: its author and time, a thumbnail, placeholder or progress bar, and its name and size. */
    static String chatCard(FileEntry f) {
        StringBuilder b = new StringBuilder("<div style=\"margin:3px 0;padding:3px 6px;background:#fff;border-radius:6px\">");
        b.append("<span style=\"font-weight:600;color:").append(Html.color(f.author())).append("\">").append(HtmlEscape.escape(f.author()))
                .append("</span> <span style=\"").append(Html.MUTED).append("\">").append(HtmlEscape.escape(Html.time(f.authoredTs())))
                .append("</span><div style=\"margin:3px 0\">");
        String thumb = f.complete() && f.content() != null && f.isImage() ? thumbnail(f.content()) : null;
        if (thumb != null) {
            b.append("<img src=\"").append(thumb).append("\" alt=\"").append(HtmlEscape.escape(f.name()))
                    .append("\" style=\"display:block;max-width:").append(WIDTH).append("px;max-height:")
                    .append(HEIGHT).append("px;border-radius:4px\">");
        } else if (f.isImage()) {
            b.append(placeholder(f));
        } else {
            b.append(Html.bar(f.progress(), chunks(f)));
        }
        b.append("<div style=\"").append(Html.MUTED).append("\">").append(HtmlEscape.escape(f.name())).append(" · ")
                .append(HtmlEscape.escape(Html.bytes(f.sizeBytes()))).append(f.complete() ? " · complete" : " · " + HtmlEscape.escape(chunks(f)))
                .append("</div></div></div>");
        return b.toString();
    }

    /** The downloads box: every file with its size, type and progress. */
    static String downloads(List<FileEntry> fileList) {
        if (fileList.isEmpty()) {
            return Html.box("Downloads", "<div style=\"" + Html.MUTED + "\">No files on this device.</div>");
        }
        StringBuilder b = new StringBuilder("<div>");
        for (FileEntry f : fileList) {
            b.append("<div style=\"margin:0 0 6px 0\"><div>").append(f.isImage() ? "🖼 " : "📄 ").append(HtmlEscape.escape(f.name()))
                    .append(" <span style=\"").append(Html.MUTED).append("\">").append(HtmlEscape.escape(Html.bytes(f.sizeBytes())))
                    .append(" · ").append(HtmlEscape.escape(f.mime())).append("</span></div>")
                    .append(Html.bar(f.progress(), f.complete() ? "complete · " + f.chunksTotal() + " chunks" : chunks(f)))
                    .append("</div>");
        }
        long done = fileList.stream().filter(FileEntry::complete).count();
        return Html.box("Downloads · " + done + " of " + fileList.size() + " complete", b.append("</div>").toString());
    }

    private static String chunks(FileEntry f) {
        return f.chunksHeld() + " of " + f.chunksTotal() + " chunks · " + Html.pct(f.progress());
    }
}
