package org.p2psim.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * XChart chart → PNG. Independent of any notebook kernel. Needs a JVM that can render fonts
 * headless ({@code -Djava.awt.headless=true}, and on Debian the packages {@code fontconfig} and
 * {@code fonts-dejavu-core}).
 */
public final class ChartImages {

    private ChartImages() {
    }

    /** The chart drawn at its own width and height, PNG-encoded. */
    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the chart as PNG", e);
        } catch (RuntimeException | LinkageError | InternalError e) {
            if (isFontProblem(e)) {
                throw new IllegalStateException("cannot draw the chart: headless AWT found no usable fonts"
                        + " (Debian: apt-get install fontconfig fonts-dejavu-core): " + e, e);
            }
            throw e;
        }
    }

    /** Whether a failure comes from AWT's font set-up (no fontconfig, no fonts, no libfontmanager). */
    static boolean isFontProblem(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("font")) {
                return true;
            }
            for (StackTraceElement f : c.getStackTrace()) {
                String cls = f.getClassName();
                if (cls.startsWith("sun.font.") || cls.startsWith("sun.awt.FontConfiguration")
                        || cls.startsWith("sun.awt.X11FontManager")) {
                    return true;
                }
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /** {@link #png(Chart)} as base64, the form Jupyter wants under {@code image/png}. */
    public static String pngBase64(Chart<?, ?> chart) {
        return Base64.getEncoder().encodeToString(png(chart));
    }

    /** Any image (e.g. {@code Plots.topology(sim)}), PNG-encoded. */
    public static byte[] png(java.awt.image.RenderedImage image) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            if (!javax.imageio.ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer for an image of type " + image.getClass().getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the image as PNG", e);
        }
        return out.toByteArray();
    }

    /** {@link #png(java.awt.image.RenderedImage)} as base64. */
    public static String pngBase64(java.awt.image.RenderedImage image) {
        return Base64.getEncoder().encodeToString(png(image));
    }

    /** A one-line text form: kind, title and size. */
    public static String describe(Chart<?, ?> chart) {
        String title = chart.getTitle();
        return chart.getClass().getSimpleName()
                + (title == null || title.isBlank() ? "" : " '" + title + "'")
                + " (" + chart.getWidth() + "x" + chart.getHeight() + ")";
    }
}
