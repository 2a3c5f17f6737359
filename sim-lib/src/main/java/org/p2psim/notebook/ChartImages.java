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
        } catch (Error e) {
            // AWT without fonts fails with an Error from sun.awt.FontConfiguration; say what to do.
            if (String.valueOf(e.getMessage()).contains("ont")) {
                throw new IllegalStateException("cannot render the chart: no fonts for headless AWT"
                        + " (install fontconfig and fonts-dejavu-core): " + e, e);
            }
            throw e;
        }
    }

    /** {@link #png(Chart)} as base64, the form Jupyter wants under {@code image/png}. */
    public static String pngBase64(Chart<?, ?> chart) {
        return Base64.getEncoder().encodeToString(png(chart));
    }

    /** A one-line text form: kind, title and size. */
    public static String describe(Chart<?, ?> chart) {
        String title = chart.getTitle();
        return chart.getClass().getSimpleName()
                + (title == null || title.isBlank() ? "" : " '" + title + "'")
                + " (" + chart.getWidth() + "x" + chart.getHeight() + ")";
    }
}
