package org.p2psim.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2psim.Simulation;
import org.p2psim.device.Device;
import org.p2psim.metrics.Metrics;
import org.p2psim.net.nat.NatTraversal;
import org.p2psim.net.nat.PathKind;
import org.p2psim.workload.Profile;

/**
 * A picture of who knows whom, now: every device on a circle (in the simulation's order, the first
 * at the top, clockwise), coloured by what it holds, with a line to each peer in its peer table,
 * coloured by whether the two ends hold the same events. Cheap: it reads the peer tables and the
 * metrics' held counts, no store is queried.
 *
 * <pre>{@code
 * Plots.topology(sim)                                  // a BufferedImage; shows as a PNG in a notebook
 * TopologyPicture.of(sim).profiles(scenario.profilesOfDevices()).size(900, 900).render()
 * }</pre>
 *
 * <p>Nodes: {@link #COMPLETE} holds every event created so far, {@link #PARTIAL} holds some but not
 * all, {@link #OFFLINE} is offline (whatever it holds). Links: {@link #IN_SYNC} both ends hold the
 * same number of events of the ground truth (so, the same events: each holds a subset of it),
 * {@link #DIFFERENT} they differ, {@link #DORMANT} one end is offline. A link is solid when both
 * ends have each other in their peer tables and dashed when only one does. Each label is the
 * device's name, with its behaviour profile below when known. With NATs on, a link carries a marker
 * at its middle: a {@link #PUNCHED} diamond (hole punched), a {@link #RELAYED} square (through a
 * relay) or a {@link #NO_PATH} cross (no path), explained in a third legend row; without NATs the
 * picture is as before.
 *
 * <p>Drawn with Java2D on an off-screen image, so it works headless ({@code java.awt.headless=true},
 * with fonts installed); the layout depends only on the devices' order, never on time or chance.
 */
public final class TopologyPicture {
    public static final Color COMPLETE = new Color(0x2e, 0xa0, 0x43);
    public static final Color PARTIAL = new Color(0xf0, 0xa2, 0x02);
    public static final Color OFFLINE = new Color(0x9e, 0x9e, 0x9e);
    public static final Color IN_SYNC = new Color(0x2e, 0xa0, 0x43, 170);
    public static final Color DIFFERENT = new Color(0xf0, 0xa2, 0x02, 200);
    public static final Color DORMANT = new Color(0xb0, 0xb0, 0xb0, 150);
    /** With NATs on: a link's marker when the pair punched, goes through a relay, or has no path. */
    public static final Color PUNCHED = new Color(0x1f, 0x6f, 0xd1);
    public static final Color RELAYED = new Color(0x8e, 0x44, 0xad);
    public static final Color NO_PATH = new Color(0xd0, 0x30, 0x30);
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color INK = new Color(0x33, 0x33, 0x33);

    private final Simulation sim;
    private final Map<String, String> profiles = new LinkedHashMap<>();
    private int width; // 0: sized to the number of devices
    private int height;
    private String title;

    private TopologyPicture(Simulation sim) {
        this.sim = sim;
    }

    public static TopologyPicture of(Simulation sim) {
        return new TopologyPicture(sim);
    }

    /** Labels devices with their behaviour profiles, as {@code Scenario.profilesOfDevices()} gives them. */
    public TopologyPicture profiles(Map<String, Profile> profilesOfDevices) {
        profilesOfDevices.forEach((device, profile) -> {
            if (profile != null) {
                profiles.put(device, profile.name());
            }
        });
        return this;
    }

    /** The image's size in pixels (default: 440 × 440 for two devices, growing to 800 × 800 at 16); at least 200 × 200. */
    public TopologyPicture size(int widthPixels, int heightPixels) {
        if (widthPixels < 200 || heightPixels < 200) {
            throw new IllegalArgumentException("the picture needs at least 200 x 200 pixels, was " + widthPixels + " x " + heightPixels);
        }
        this.width = widthPixels;
        this.height = heightPixels;
        return this;
    }

    /** The title at the top (default: "Peers at t = … s"). */
    public TopologyPicture title(String text) {
        this.title = text;
        return this;
    }

    /** Where device {@code index} of {@code count} sits: on a circle, the first at the top, clockwise. */
    public static Point2D.Double position(int index, int count, int width, int height) {
        double cx = width / 2.0;
        double cy = height / 2.0 + 8;
        double radius = Math.min(width, height) / 2.0 - margin(width, height);
        double angle = -Math.PI / 2 + 2 * Math.PI * index / Math.max(1, count);
        return new Point2D.Double(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
    }

    private static double margin(int width, int height) {
        return Math.max(95, Math.min(width, height) * 0.15);
    }

    /** The colour of device {@code name}'s node now. */
    public Color nodeColor(String name) {
        Device d = sim.device(name);
        if (!d.isOnline()) {
            return OFFLINE;
        }
        return sim.metrics().completeness(name) >= 1.0 ? COMPLETE : PARTIAL;
    }

    /** The colour of the link between {@code a} and {@code b} now. */
    public Color linkColor(String a, String b) {
        if (!sim.device(a).isOnline() || !sim.device(b).isOnline()) {
            return DORMANT;
        }
        Metrics m = sim.metrics();
        return m.held(a) == m.held(b) ? IN_SYNC : DIFFERENT;
    }

    /** Draws the picture. */
    public BufferedImage render() {
        List<Device> devices = sim.devices();
        List<String> names = new ArrayList<>();
        for (Device d : devices) {
            names.add(d.name());
        }
        int n = names.size();
        int side = Math.min(800, 400 + 25 * n);
        int width = this.width > 0 ? this.width : side;
        int height = this.height > 0 ? this.height : side;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, width, height);

            Map<String, Point2D.Double> at = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                at.put(names.get(i), position(i, n, width, height));
            }
            double radius = Math.min(width, height) / 2.0 - margin(width, height);
            double node = Math.max(5, Math.min(16, radius * Math.PI / Math.max(1, n) * 0.35));
            float lineWidth = n > 40 ? 1f : 2f;

            // links, each unordered pair once: solid when both know each other, dashed when one does
            Stroke solid = new BasicStroke(lineWidth);
            Stroke dashed = new BasicStroke(lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 5f}, 0f);
            for (int i = 0; i < n; i++) {
                String a = names.get(i);
                List<String> peersOfA = sim.device(a).peers();
                for (int j = i + 1; j < n; j++) {
                    String b = names.get(j);
                    boolean ab = peersOfA.contains(b);
                    boolean ba = sim.device(b).peers().contains(a);
                    if (!ab && !ba) {
                        continue;
                    }
                    g.setStroke(ab && ba ? solid : dashed);
                    g.setColor(linkColor(a, b));
                    g.draw(new Line2D.Double(at.get(a), at.get(b)));
                    natMarker(g, a, b, at.get(a), at.get(b));
                }
            }

            // nodes and labels
            g.setStroke(new BasicStroke(1.5f));
            Font nameFont = new Font(Font.SANS_SERIF, Font.BOLD, n > 30 ? 10 : 13);
            Font profileFont = new Font(Font.SANS_SERIF, Font.PLAIN, n > 30 ? 9 : 11);
            double cx = width / 2.0;
            double cy = height / 2.0 + 8;
            for (String name : names) {
                Point2D.Double p = at.get(name);
                Ellipse2D.Double circle = new Ellipse2D.Double(p.x - node, p.y - node, 2 * node, 2 * node);
                g.setColor(nodeColor(name));
                g.fill(circle);
                g.setColor(INK);
                g.draw(circle);
                // the label outside the circle, away from the centre
                double dx = p.x - cx;
                double dy = p.y - cy;
                double len = Math.max(1e-9, Math.hypot(dx, dy));
                double lx = p.x + dx / len * (node + 10);
                double ly = p.y + dy / len * (node + 10);
                String profile = profiles.get(name);
                drawLabel(g, nameFont, profileFont, name, profile, lx, ly, dx / len, dy / len);
            }

            // title and legend
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            String heading = title != null ? title
                    : String.format(java.util.Locale.ROOT, "Peers at t = %.1f s", sim.nowSeconds());
            g.drawString(heading, 12, 22);
            legend(g, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * A label of one or two lines (name, profile) next to the point (x, y), extending away from the
     * centre along the unit vector (ux, uy), so that it never covers its node.
     */
    private static void drawLabel(Graphics2D g, Font nameFont, Font profileFont, String name, String profile,
                                  double x, double y, double ux, double uy) {
        FontMetrics nm = g.getFontMetrics(nameFont);
        FontMetrics pm = g.getFontMetrics(profileFont);
        int w = nm.stringWidth(name);
        int h = nm.getAscent();
        if (profile != null) {
            w = Math.max(w, pm.stringWidth(profile));
            h += pm.getHeight();
        }
        double centreX = x + ux * w / 2.0;
        double top = y + uy * h / 2.0 - h / 2.0;
        g.setColor(INK);
        g.setFont(nameFont);
        g.drawString(name, (float) (centreX - nm.stringWidth(name) / 2.0), (float) (top + nm.getAscent()));
        if (profile != null) {
            g.setFont(profileFont);
            g.drawString(profile, (float) (centreX - pm.stringWidth(profile) / 2.0), (float) (top + nm.getAscent() + pm.getHeight()));
        }
    }

    /** The marker at a link's middle when NATs are on: a diamond (punched), a square (relayed) or a cross (no path). */
    private void natMarker(Graphics2D g, String a, String b, Point2D.Double pa, Point2D.Double pb) {
        NatTraversal nat = sim.network().nat();
        if (nat == null) {
            return;
        }
        PathKind kind = nat.path(a, b).path();
        double x = (pa.x + pb.x) / 2;
        double y = (pa.y + pb.y) / 2;
        drawMarker(g, kind, x, y);
    }

    private static void drawMarker(Graphics2D g, PathKind kind, double x, double y) {
        Stroke before = g.getStroke();
        switch (kind) {
            case PUNCHED -> {
                g.setColor(PUNCHED);
                g.fill(new java.awt.geom.Path2D.Double(new java.awt.Polygon(
                        new int[] {(int) x, (int) x + 6, (int) x, (int) x - 6}, new int[] {(int) y - 6, (int) y, (int) y + 6, (int) y}, 4)));
            }
            case RELAYED -> {
                g.setColor(RELAYED);
                g.fill(new java.awt.geom.Rectangle2D.Double(x - 5, y - 5, 10, 10));
            }
            case NONE -> {
                g.setColor(NO_PATH);
                g.setStroke(new BasicStroke(2.5f));
                g.draw(new Line2D.Double(x - 5, y - 5, x + 5, y + 5));
                g.draw(new Line2D.Double(x - 5, y + 5, x + 5, y - 5));
            }
            default -> { }
        }
        g.setStroke(before);
    }

    /** A row above the device and link rows: the markers of punched, relayed and unreachable links. */
    private static void natLegend(Graphics2D g, FontMetrics fm, int y) {
        int x = 12;
        for (PathKind kind : new PathKind[] {PathKind.PUNCHED, PathKind.RELAYED, PathKind.NONE}) {
            drawMarker(g, kind, x + 5, y - 4);
            x += 14;
            String label = "NAT: " + (kind == PathKind.NONE ? "no path" : kind.label());
            g.setColor(INK);
            g.drawString(label, x, y);
            x += fm.stringWidth(label) + 14;
        }
    }

    private void legend(Graphics2D g, int width, int height) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        Object[][] items = {
            {COMPLETE, "holds everything", false}, {PARTIAL, "partial", false}, {OFFLINE, "offline", false},
            {IN_SYNC, "link: same events", true}, {DIFFERENT, "link: differ", true}, {DORMANT, "link: an end offline", true}};
        // devices on one row, links on the next; a row that does not fit the width wraps
        List<int[]> at = new ArrayList<>(); // x and row of each item
        int x = 12;
        int row = 0;
        for (int i = 0; i < items.length; i++) {
            int w = ((Boolean) items[i][2] ? 20 : 14) + fm.stringWidth((String) items[i][1]);
            if (i == 3 || i > 0 && x + w > width - 8) {
                x = 12;
                row++;
            }
            at.add(new int[] {x, row});
            x += w + 14;
        }
        int top = height - 12 - 18 * row;
        if (sim.network().nat() != null) {
            natLegend(g, fm, top - 18);
        }
        for (int i = 0; i < items.length; i++) {
            int ix = at.get(i)[0];
            int y = top + 18 * at.get(i)[1];
            g.setColor((Color) items[i][0]);
            if ((Boolean) items[i][2]) {
                g.setStroke(new BasicStroke(3f));
                g.drawLine(ix, y - 4, ix + 16, y - 4);
                ix += 20;
            } else {
                g.fill(new Ellipse2D.Double(ix, y - 10, 10, 10));
                ix += 14;
            }
            g.setColor(INK);
            g.drawString((String) items[i][1], ix, y);
        }
    }
}
