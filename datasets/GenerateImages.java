import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Generates the test images of datasets/images/: photo-like procedural scenes (skies, ridges,
 * water, dunes, forests, bokeh, night lights), each from its own seed, written as baseline JPEG
 * with the quality chosen so that the file lands near 200 KB (always within 150-250 KB).
 *
 * <pre>
 *   java datasets/GenerateImages.java              # from the repository root; writes datasets/images/*.jpg
 *   java datasets/GenerateImages.java OUT_DIR      # somewhere else
 * </pre>
 *
 * Only the JDK is used (java.awt.image, javax.imageio). Everything is computed from the seeds with
 * a fixed integer hash and plain double arithmetic, so the pixels are the same on every machine;
 * the JPEG bytes are those of the JDK's own encoder, which has been stable for many releases (the
 * committed files are the reference: README.md lists their sizes and the JDK that wrote them).
 */
public final class GenerateImages {
    static final int W = 1024;
    static final int H = 768;
    static final int TARGET = 200_000;
    static final int LOW = 150_000;
    static final int HIGH = 250_000;

    record Scene(String name, long seed, String description) {}

    static final List<Scene> SCENES = List.of(
            new Scene("01-mountain-dusk", 101, "layered mountain ridges in haze under a dusk sky"),
            new Scene("02-alpine-lake", 202, "ridges and pines mirrored in a rippled lake"),
            new Scene("03-cumulus-sky", 303, "cumulus clouds over a blue sky, low horizon"),
            new Scene("04-bokeh-lights", 404, "out-of-focus city lights (bokeh) at night"),
            new Scene("05-desert-dunes", 505, "wind-shaped sand dunes in low sun"),
            new Scene("06-misty-forest", 606, "rows of conifers fading into morning mist"),
            new Scene("07-sea-sunset", 707, "sun setting over a wavy sea"),
            new Scene("08-marble-slab", 808, "close-up of veined marble"),
            new Scene("09-aurora-night", 909, "aurora curtains over a snowy ridge under stars"),
            new Scene("10-city-dusk", 1010, "city skyline at dusk with lit windows"),
            new Scene("11-rolling-fields", 1111, "rolling hills striped with crop fields"),
            new Scene("12-canyon-walls", 1212, "layered canyon walls and a river"),
            new Scene("13-autumn-leaves", 1313, "blurred autumn foliage, shallow depth of field"),
            new Scene("14-moonlit-coast", 1414, "moon over a rocky coast and calm water"));

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "datasets/images");
        Files.createDirectories(out);
        for (Scene s : SCENES) {
            Img img = render(s);
            img.grain(new SplittableRandom(s.seed() * 31 + 7), grainOf(s));
            BufferedImage image = img.toImage();
            float[] chosen = new float[1];
            byte[] jpeg = encodeNear(image, chosen);
            Files.write(out.resolve(s.name() + ".jpg"), jpeg);
            System.out.printf(Locale.ROOT, "%-22s seed %5d  quality %.3f  %7d bytes%n", s.name() + ".jpg", s.seed(),
                    chosen[0], jpeg.length);
        }
    }

    static double grainOf(Scene s) {
        return 4.0;
    }

    static Img render(Scene s) {
        SplittableRandom r = new SplittableRandom(s.seed());
        Noise n = new Noise(s.seed());
        return switch (s.name().substring(3)) {
            case "mountain-dusk" -> mountainDusk(r, n);
            case "alpine-lake" -> alpineLake(r, n);
            case "cumulus-sky" -> cumulus(r, n);
            case "bokeh-lights" -> bokeh(r, n);
            case "desert-dunes" -> dunes(r, n);
            case "misty-forest" -> mistyForest(r, n);
            case "sea-sunset" -> seaSunset(r, n);
            case "marble-slab" -> marble(r, n);
            case "aurora-night" -> aurora(r, n);
            case "city-dusk" -> cityDusk(r, n);
            case "rolling-fields" -> fields(r, n);
            case "canyon-walls" -> canyon(r, n);
            case "autumn-leaves" -> autumnLeaves(r, n);
            case "moonlit-coast" -> moonlitCoast(r, n);
            default -> throw new IllegalArgumentException(s.name());
        };
    }

    // ---------------------------------------------------------------- JPEG at a target size

    /** Binary search on quality for the size nearest TARGET; fails if it cannot land within [LOW, HIGH]. */
    static byte[] encodeNear(BufferedImage image, float[] chosen) throws IOException {
        float lo = 0.30f;
        float hi = 0.98f;
        byte[] best = null;
        float bestQ = 0;
        for (int i = 0; i < 14; i++) {
            float q = (lo + hi) / 2;
            byte[] b = jpeg(image, q);
            if (best == null || Math.abs(b.length - TARGET) < Math.abs(best.length - TARGET)) {
                best = b;
                bestQ = q;
            }
            if (b.length < TARGET) {
                lo = q;
            } else {
                hi = q;
            }
        }
        if (best.length < LOW || best.length > HIGH) {
            throw new IllegalStateException("cannot reach " + LOW + "-" + HIGH + " bytes: best " + best.length);
        }
        chosen[0] = bestQ;
        return best;
    }

    static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    // ---------------------------------------------------------------- image buffer

    /** A float RGB canvas in [0, 1] with the few drawing operations the scenes need. */
    static final class Img {
        final double[] r = new double[W * H];
        final double[] g = new double[W * H];
        final double[] b = new double[W * H];

        void set(int x, int y, double[] c) {
            int i = y * W + x;
            r[i] = c[0];
            g[i] = c[1];
            b[i] = c[2];
        }

        void blend(int x, int y, double[] c, double a) {
            if (x < 0 || y < 0 || x >= W || y >= H || a <= 0) {
                return;
            }
            a = Math.min(1, a);
            int i = y * W + x;
            r[i] += (c[0] - r[i]) * a;
            g[i] += (c[1] - g[i]) * a;
            b[i] += (c[2] - b[i]) * a;
        }

        void add(int x, int y, double[] c, double a) {
            if (x < 0 || y < 0 || x >= W || y >= H) {
                return;
            }
            int i = y * W + x;
            r[i] += c[0] * a;
            g[i] += c[1] * a;
            b[i] += c[2] * a;
        }

        double[] get(int x, int y) {
            x = Math.max(0, Math.min(W - 1, x));
            y = Math.max(0, Math.min(H - 1, y));
            int i = y * W + x;
            return new double[] {r[i], g[i], b[i]};
        }

        /** A soft disc: full inside radius·(1-soft), fading to 0 at the radius. */
        void disc(double cx, double cy, double radius, double soft, double[] c, double alpha, boolean additive) {
            int x0 = (int) Math.floor(cx - radius), x1 = (int) Math.ceil(cx + radius);
            int y0 = (int) Math.floor(cy - radius), y1 = (int) Math.ceil(cy + radius);
            double inner = radius * (1 - soft);
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                    if (d >= radius) {
                        continue;
                    }
                    double a = d <= inner ? 1 : 1 - smooth((d - inner) / (radius - inner));
                    if (additive) {
                        add(x, y, c, a * alpha);
                    } else {
                        blend(x, y, c, a * alpha);
                    }
                }
            }
        }

        /** Separable box blur, three passes (close to Gaussian). */
        void blur(int radius) {
            for (double[] ch : new double[][] {r, g, b}) {
                for (int pass = 0; pass < 3; pass++) {
                    boxH(ch, radius);
                    boxV(ch, radius);
                }
            }
        }

        static void boxH(double[] ch, int rad) {
            double[] row = new double[W];
            for (int y = 0; y < H; y++) {
                double sum = 0;
                int n = 0;
                for (int x = -rad; x <= rad; x++) {
                    if (x >= 0 && x < W) {
                        sum += ch[y * W + x];
                        n++;
                    }
                }
                for (int x = 0; x < W; x++) {
                    row[x] = sum / n;
                    int out = x - rad, in = x + rad + 1;
                    if (out >= 0) {
                        sum -= ch[y * W + out];
                        n--;
                    }
                    if (in < W) {
                        sum += ch[y * W + in];
                        n++;
                    }
                }
                System.arraycopy(row, 0, ch, y * W, W);
            }
        }

        static void boxV(double[] ch, int rad) {
            double[] col = new double[H];
            for (int x = 0; x < W; x++) {
                double sum = 0;
                int n = 0;
                for (int y = -rad; y <= rad; y++) {
                    if (y >= 0 && y < H) {
                        sum += ch[y * W + x];
                        n++;
                    }
                }
                for (int y = 0; y < H; y++) {
                    col[y] = sum / n;
                    int out = y - rad, in = y + rad + 1;
                    if (out >= 0) {
                        sum -= ch[out * W + x];
                        n--;
                    }
                    if (in < H) {
                        sum += ch[in * W + x];
                        n++;
                    }
                }
                for (int y = 0; y < H; y++) {
                    ch[y * W + x] = col[y];
                }
            }
        }

        /** Sensor-like grain: Gaussian noise of {@code sigma} levels (of 255), a little stronger in the shadows. */
        void grain(SplittableRandom random, double sigma) {
            for (int i = 0; i < W * H; i++) {
                double lum = 0.3 * r[i] + 0.59 * g[i] + 0.11 * b[i];
                double s = sigma / 255 * (1.3 - 0.6 * Math.min(1, Math.max(0, lum)));
                double common = gaussian(random) * s;
                r[i] += common + gaussian(random) * s * 0.5;
                g[i] += common + gaussian(random) * s * 0.5;
                b[i] += common + gaussian(random) * s * 0.5;
            }
        }

        /** Darkens the corners a little, as lenses do. */
        void vignette(double strength) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    double dx = (x - W / 2.0) / (W / 2.0), dy = (y - H / 2.0) / (H / 2.0);
                    double f = 1 - strength * Math.pow((dx * dx + dy * dy) / 2, 1.5);
                    int i = y * W + x;
                    r[i] *= f;
                    g[i] *= f;
                    b[i] *= f;
                }
            }
        }

        BufferedImage toImage() {
            BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int i = y * W + x;
                    img.setRGB(x, y, (level(r[i]) << 16) | (level(g[i]) << 8) | level(b[i]));
                }
            }
            return img;
        }

        static int level(double v) {
            return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
        }
    }

    // ---------------------------------------------------------------- noise and colour helpers

    /** Value noise on an integer lattice with a fixed 64-bit hash, smoothed; fBm and ridged sums of it. */
    static final class Noise {
        final long seed;

        Noise(long seed) {
            this.seed = seed;
        }

        double lattice(long x, long y) {
            long h = seed * 0x9E3779B97F4A7C15L + x * 0xBF58476D1CE4E5B9L + y * 0x94D049BB133111EBL;
            h ^= h >>> 31;
            h *= 0xD6E8FEB86659FD93L;
            h ^= h >>> 32;
            h *= 0xD6E8FEB86659FD93L;
            h ^= h >>> 32;
            return (h >>> 11) * 0x1.0p-53;
        }

        double value(double x, double y) {
            long xi = (long) Math.floor(x), yi = (long) Math.floor(y);
            double fx = smooth(x - xi), fy = smooth(y - yi);
            double a = lattice(xi, yi), b = lattice(xi + 1, yi), c = lattice(xi, yi + 1), d = lattice(xi + 1, yi + 1);
            return lerp(lerp(a, b, fx), lerp(c, d, fx), fy);
        }

        /** Fractal sum in [0, 1]. */
        double fbm(double x, double y, int octaves) {
            double sum = 0, amp = 0.5, norm = 0;
            for (int o = 0; o < octaves; o++) {
                sum += amp * value(x, y);
                norm += amp;
                x = x * 2.03 + 17.1;
                y = y * 2.03 - 9.7;
                amp *= 0.5;
            }
            return sum / norm;
        }

        /** 1-D fractal profile for ridge lines. */
        double ridge(double x, int octaves) {
            return fbm(x, 0.5 + seed % 97, octaves);
        }
    }

    static double smooth(double t) {
        t = Math.max(0, Math.min(1, t));
        return t * t * (3 - 2 * t);
    }

    static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    static double[] mix(double[] a, double[] b, double t) {
        return new double[] {lerp(a[0], b[0], t), lerp(a[1], b[1], t), lerp(a[2], b[2], t)};
    }

    static double[] rgb(int hex) {
        return new double[] {((hex >> 16) & 255) / 255.0, ((hex >> 8) & 255) / 255.0, (hex & 255) / 255.0};
    }

    static double[] scale(double[] c, double f) {
        return new double[] {c[0] * f, c[1] * f, c[2] * f};
    }

    static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** A vertical gradient through colour stops at fractions of the height. */
    static void sky(Img img, double[] stops, int[] colours) {
        for (int y = 0; y < H; y++) {
            double t = (double) y / (H - 1);
            int k = 0;
            while (k < stops.length - 2 && t > stops[k + 1]) {
                k++;
            }
            double u = smooth((t - stops[k]) / (stops[k + 1] - stops[k]));
            double[] c = mix(rgb(colours[k]), rgb(colours[k + 1]), u);
            for (int x = 0; x < W; x++) {
                img.set(x, y, c);
            }
        }
    }

    /** Fills below a fractal ridge line: base height (fraction of H), amplitude, roughness, colour with haze. */
    static int[] ridge(Img img, Noise n, double base, double amplitude, double frequency, double offset, double[] colour,
                       double[] haze, double hazeAmount, double texture) {
        int[] top = new int[W];
        for (int x = 0; x < W; x++) {
            double h = n.ridge(x * frequency / W + offset, 7);
            double peak = Math.pow(h, 1.6);
            top[x] = (int) (H * (base - amplitude * peak));
            for (int y = Math.max(0, top[x]); y < H; y++) {
                double depth = (y - top[x]) / (double) H;
                double tex = 0.75 + 0.5 * n.fbm(x * 0.02 + offset * 13, y * 0.03, 5) * texture + (1 - texture) * 0.25;
                double[] c = scale(colour, tex * (1 - 0.35 * Math.min(1, depth * 3)));
                img.set(x, y, mix(c, haze, hazeAmount));
            }
        }
        return top;
    }

    // ---------------------------------------------------------------- scenes

    static Img mountainDusk(SplittableRandom r, Noise n) {
        Img img = new Img();
        sky(img, new double[] {0, 0.35, 0.6, 1}, new int[] {0x2b2f5a, 0x8a5a8c, 0xf2a65a, 0xf7d69a});
        img.disc(W * 0.68, H * 0.52, 40, 0.6, rgb(0xfff2c4), 0.9, false);
        int[][] layers = {{0x6d5a7a}, {0x4e4466}, {0x352f4d}, {0x221f33}};
        for (int i = 0; i < 4; i++) {
            double base = 0.55 + i * 0.12;
            ridge(img, n, base, 0.22 - i * 0.03, 3 + i * 1.5, i * 7.3, rgb(layers[i][0]), rgb(0xd99a7a), 0.45 - i * 0.13, 0.8);
        }
        img.vignette(0.25);
        return img;
    }

    static Img alpineLake(SplittableRandom r, Noise n) {
        Img img = new Img();
        sky(img, new double[] {0, 0.5, 1}, new int[] {0x4f7fbf, 0xbcd6ea, 0xdfe9ef});
        int water = (int) (H * 0.58);
        int[] rock = ridge(img, n, 0.46, 0.3, 2.5, 1.1, rgb(0x6f7f8f), rgb(0xc9d8e6), 0.35, 1.0);
        // snow caps: lighten the highest rock
        for (int x = 0; x < W; x++) {
            for (int y = Math.max(0, rock[x]); y < H * 0.36; y++) {
                if (n.fbm(x * 0.03, y * 0.05, 4) > 0.42 - 0.4 * (H * 0.36 - y) / H) {
                    img.set(x, y, mix(img.get(x, y), rgb(0xf4f7fa), 0.75));
                }
            }
        }
        ridge(img, n, 0.6, 0.08, 9, 5.5, rgb(0x1f3a2a), rgb(0x9fb3a8), 0.15, 1.0);
        for (int i = 0; i < 160; i++) { // pines on the shore
            double x = r.nextDouble() * W, h = 25 + r.nextDouble() * 60;
            double y0 = H * 0.57 - r.nextDouble() * 30;
            for (int yy = 0; yy < h; yy++) {
                double half = (yy / h) * h * 0.22;
                for (int xx = (int) (x - half); xx <= x + half; xx++) {
                    img.blend(xx, (int) (y0 - h + yy), rgb(0x10261a), 0.95);
                }
            }
        }
        for (int y = water; y < H; y++) { // reflection with ripples
            for (int x = 0; x < W; x++) {
                double ripple = (n.fbm(x * 0.01, y * 0.25, 4) - 0.5) * 18 * (y - water + 10) / (H - water);
                int sy = 2 * water - y + (int) ripple / 3;
                double[] c = img.get(x + (int) ripple, sy);
                img.set(x, y, mix(scale(c, 0.82), rgb(0x2c4a5c), 0.25 + 0.2 * (y - water) / (H - water)));
            }
        }
        img.vignette(0.2);
        return img;
    }

    static Img cumulus(SplittableRandom r, Noise n) {
        Img img = new Img();
        sky(img, new double[] {0, 0.75, 1}, new int[] {0x1f5fb4, 0x8fbfe8, 0xcfe3f2});
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double persp = 0.4 + (double) y / H;
                double d = n.fbm(x * 0.004 / persp + 3, y * 0.009 / persp, 7);
                double cloud = smooth((d - 0.47) / 0.2);
                double shade = n.fbm(x * 0.004 / persp + 3.02, (y + 6) * 0.009 / persp, 7);
                double[] c = mix(rgb(0xffffff), rgb(0x9aa6b8), smooth((shade - d + 0.06) * 6));
                img.blend(x, y, c, cloud * (y < H * 0.85 ? 1 : 0.5));
            }
        }
        ridge(img, n, 0.93, 0.06, 6, 2.2, rgb(0x3f5f2f), rgb(0x9fb8c8), 0.2, 1.0);
        return img;
    }

    static Img bokeh(SplittableRandom r, Noise n) {
        Img img = new Img();
        sky(img, new double[] {0, 1}, new int[] {0x0b0b16, 0x1b1626});
        int[] palette = {0xffb347, 0xff6f61, 0xffd27f, 0x7fd1ff, 0xb38cff, 0xfff1c1, 0xff9ec7};
        for (int i = 0; i < 210; i++) {
            double rad = 12 + Math.pow(r.nextDouble(), 2) * 70;
            double[] c = rgb(palette[r.nextInt(palette.length)]);
            img.disc(r.nextDouble() * W, H * 0.15 + r.nextDouble() * H * 0.8, rad, 0.25, c, 0.18 + r.nextDouble() * 0.25, true);
        }
        for (int y = 0; y < H; y++) { // street glow
            for (int x = 0; x < W; x++) {
                img.add(x, y, rgb(0x40200a), Math.pow((double) y / H, 3) * 0.8 * n.fbm(x * 0.003, y * 0.003, 3));
            }
        }
        img.blur(2);
        img.vignette(0.4);
        return img;
    }

    static Img dunes(SplittableRandom r, Noise n) {
        Img img = new Img();
        sky(img, new double[] {0, 0.4, 1}, new int[] {0x6fa8dc, 0xcde3f0, 0xf5e6c8});
        for (int y = (int) (H * 0.33); y < H; y++) {
            for (int x = 0; x < W; x++) {
                double depth = (y - H * 0.33) / (H * 0.67);
                double f = 0.02 / (0.15 + depth);
                double warp = n.fbm(x * 0.002, y * 0.004, 4) * 6;
                double phase = x * f * 0.6 + y * 0.05 / (0.2 + depth) + warp;
                double crest = Math.sin(phase);
                double light = 0.72 + 0.28 * crest + 0.15 * (n.fbm(x * 0.05, y * 0.08, 5) - 0.5);
                double[] sand = mix(rgb(0xc98a4b), rgb(0xf1c58a), light);
                double[] c = mix(sand, rgb(0xeed9b8), Math.max(0, 0.5 - depth) * 0.8);
                if (y < H * 0.34) {
                    c = mix(c, img.get(x, y), 0.5);
                }
                img.set(x, y, c);
            }
        }
        img.vignette(0.2);
        return img;
    }

    static Img mistyForest(SplittableRandom r, Noise n) {
        Img img = new Img();
        sky(img, new double[] {0, 0.6, 1}, new int[] {0xb8c4c8, 0xdfe4e0, 0xcfd6cf});
        double[] fog = rgb(0xdfe4e0);
        for (int layer = 0; layer < 6; layer++) {
            double depth = 1 - layer / 6.0;
            double[] tree = mix(rgb(0x0f2a1c), fog, depth * 0.85);
            double base = H * (0.45 + layer * 0.1);
            int count = 40 + layer * 25;
            for (int i = 0; i < count; i++) {
                double x = r.nextDouble() * W;
                double h = (60 + r.nextDouble() * 90) * (0.5 + layer * 0.3);
                double w = h * 0.28;
                for (int yy = 0; yy < h; yy++) {
                    double half = w * yy / h * (0.85 + 0.3 * n.value(yy * 0.3, i));
                    for (int xx = (int) (x - half); xx <= x + half; xx++) {
                        img.blend(xx, (int) (base - h + yy), tree, 0.97);
                    }
                }
            }
            for (int y = (int) base; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    img.blend(x, y, tree, 0.9);
                }
            }
            for (int y = 0; y < H; y++) { // drifting mist between layers
                for (int x = 0; x < W; x++) {
                    img.blend(x, y, fog, 0.12 * n.fbm(x * 0.004 + layer, y * 0.01, 4));
                }
            }
        }
        return img;
    }

    static Img seaSunset(SplittableRandom r, Noise n) {
        Img img = new Img();
        int horizon = (int) (H * 0.55);
        sky(img, new double[] {0, 0.3, 0.55, 1}, new int[] {0x3a3f7a, 0xd9707a, 0xffc37a, 0x2a2440});
        img.disc(W * 0.45, horizon - 30, 55, 0.1, rgb(0xfff0c8), 1, false);
        img.disc(W * 0.45, horizon - 30, 160, 1, rgb(0xffb070), 0.5, true);
        for (int y = horizon; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double d = (y - horizon) / (double) (H - horizon);
                double wave = n.fbm(x * 0.01 / (0.1 + d), y * 0.12 / (0.1 + d), 5);
                double glitter = Math.exp(-Math.pow((x - W * 0.45) / (40 + 220 * d), 2)) * smooth((wave - 0.45) * 5);
                double[] c = mix(rgb(0x3c2f52), rgb(0x6c4a6a), 0.5 + (wave - 0.5) * 1.5);
                c = mix(c, rgb(0x14142a), d * 0.6);
                img.set(x, y, c);
                img.add(x, y, rgb(0xffd090), glitter * 0.9);
            }
        }
        for (int i = 0; i < 40; i++) { // a few clouds
            img.disc(r.nextDouble() * W, H * (0.08 + r.nextDouble() * 0.3), 30 + r.nextDouble() * 80, 1, rgb(0x5a3f6a), 0.3, false);
        }
        img.vignette(0.3);
        return img;
    }

    static Img marble(SplittableRandom r, Noise n) {
        Img img = new Img();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double t = n.fbm(x * 0.006, y * 0.006, 7);
                double vein = Math.abs(Math.sin(x * 0.01 + y * 0.004 + t * 12));
                double v = Math.pow(vein, 0.25);
                double[] base = mix(rgb(0xe9e4dc), rgb(0xd4cabb), n.fbm(x * 0.01 + 5, y * 0.01, 4));
                double[] c = mix(rgb(0x5b5248), base, v);
                double fine = Math.abs(Math.sin(x * 0.03 - y * 0.02 + n.fbm(x * 0.02, y * 0.02, 5) * 20));
                c = mix(rgb(0x8a7f72), c, 0.6 + 0.4 * Math.pow(fine, 0.15));
                img.set(x, y, c);
            }
        }
        img.vignette(0.15);
        return img;
    }

    static Img aurora(SplittableRandom r, Noise n) {
        Img img = new Img();
        sky(img, new double[] {0, 0.7, 1}, new int[] {0x03050f, 0x0b1a2e, 0x12263a});
        for (int i = 0; i < 1400; i++) {
            double b = Math.pow(r.nextDouble(), 6);
            img.disc(r.nextDouble() * W, r.nextDouble() * H * 0.8, 0.8 + b * 2, 0.8, rgb(0xffffff), 0.4 + b, true);
        }
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double curve = H * 0.35 + 90 * Math.sin(x * 0.006 + 1) + 60 * (n.fbm(x * 0.003, 1, 4) - 0.5) * 4;
                double dy = (y - curve) / 120.0;
                if (dy > 1 || dy < -2.5) {
                    continue;
                }
                double curtain = Math.pow(n.fbm(x * 0.03, y * 0.002, 4), 2) * 2.2;
                double a = (dy > 0 ? Math.exp(-dy * dy * 6) : Math.exp(dy * 1.2)) * curtain;
                double[] c = mix(rgb(0x3cff9a), rgb(0x9a5cff), smooth(-dy / 2.5));
                img.add(x, y, c, a * 0.6);
            }
        }
        ridge(img, n, 0.95, 0.3, 4, 4.4, rgb(0xb8c6d6), rgb(0x1a2a3a), 0.4, 0.7);
        img.vignette(0.3);
        return img;
    }

    static Img cityDusk(SplittableRandom r, Noise n) {
        Img img = new Img();
        sky(img, new double[] {0, 0.45, 0.75, 1}, new int[] {0x1c2447, 0x5b4a7a, 0xe39a6a, 0x2a2233});
        for (int layer = 0; layer < 3; layer++) {
            double[] wall = mix(rgb(0x1a1a24), rgb(0x6a5a7a), 0.45 - layer * 0.2);
            double x = -20;
            while (x < W) {
                double w = 40 + r.nextDouble() * 90;
                double h = H * (0.18 + r.nextDouble() * (0.45 - layer * 0.08));
                int top = (int) (H * 0.8 - h + layer * 40);
                for (int yy = top; yy < H; yy++) {
                    for (int xx = (int) x; xx < x + w; xx++) {
                        img.blend(xx, yy, wall, 1);
                    }
                }
                for (double wy = top + 8; wy < H - 10; wy += 14) { // windows
                    for (double wx = x + 6; wx < x + w - 8; wx += 11) {
                        if (r.nextDouble() < 0.38 - layer * 0.08) {
                            double[] lit = mix(rgb(0xffd27a), rgb(0xfff4d6), r.nextDouble());
                            for (int a = 0; a < 6; a++) {
                                for (int b = 0; b < 8; b++) {
                                    img.blend((int) wx + a, (int) wy + b, lit, 0.85);
                                }
                            }
                        }
                    }
                }
                x += w + r.nextDouble() * 10;
            }
        }
        img.blur(1);
        img.vignette(0.3);
        return img;
    }

    static Img fields(SplittableRandom r, Noise n) {
        Img img = new Img();
        sky(img, new double[] {0, 0.35, 1}, new int[] {0x5d8fd0, 0xcfe2f1, 0xe8f0f2});
        int[] crops = {0x8fae4a, 0xc9b25a, 0x6f9a3a, 0xa8c060, 0xd9c27a, 0x5f8a35};
        for (int y = (int) (H * 0.32); y < H; y++) {
            for (int x = 0; x < W; x++) {
                double hill = n.fbm(x * 0.0025, y * 0.004, 4);
                double patch = n.value(x * 0.004 + hill * 2, y * 0.012 + hill * 3);
                int k = (int) (patch * crops.length * 0.999);
                double rows = 0.85 + 0.15 * Math.sin((x + y * (k - 2.5) * 0.6) * 0.25 / (0.3 + (y - H * 0.32) / H));
                double light = 0.8 + 0.4 * (n.fbm(x * 0.0025 + 0.01, y * 0.004 - 0.01, 4) - hill) * 20;
                double[] c = scale(rgb(crops[k]), rows * Math.max(0.6, Math.min(1.25, light)));
                double haze = Math.max(0, 1 - (y - H * 0.32) / (H * 0.3));
                img.set(x, y, mix(c, rgb(0xcfe2f1), haze * 0.5));
            }
        }
        for (int i = 0; i < 25; i++) { // hedgerow trees
            img.disc(r.nextDouble() * W, H * (0.4 + r.nextDouble() * 0.5), 6 + r.nextDouble() * 18, 0.5, rgb(0x2f4a1f), 0.9, false);
        }
        img.vignette(0.2);
        return img;
    }

    static Img canyon(SplittableRandom r, Noise n) {
        Img img = new Img();
        sky(img, new double[] {0, 1}, new int[] {0x6fa0d8, 0xd9e6ef});
        int[] strata = {0xb5532e, 0xd07a45, 0xa8452a, 0xe0a070, 0x8a3a24, 0xc86a3c};
        for (int side = 0; side < 2; side++) {
            for (int y = 0; y < H; y++) {
                double edge = side == 0
                        ? W * (0.38 - 0.25 * (1 - (double) y / H)) + 60 * (n.fbm(y * 0.01, 3, 5) - 0.5)
                        : W * (0.62 + 0.25 * (1 - (double) y / H)) + 60 * (n.fbm(y * 0.01, 9, 5) - 0.5);
                int top = (int) (H * (0.12 + 0.08 * side));
                if (y < top) {
                    continue;
                }
                for (int x = 0; x < W; x++) {
                    if (side == 0 ? x > edge : x < edge) {
                        continue;
                    }
                    double band = y * 0.045 + 2 * n.fbm(x * 0.004, y * 0.004, 4);
                    double[] c = rgb(strata[Math.floorMod((int) band, strata.length)]);
                    double shade = side == 0 ? 0.85 : 1.05;
                    shade *= 0.8 + 0.4 * n.fbm(x * 0.03, y * 0.05, 5);
                    img.set(x, y, scale(c, shade));
                }
            }
        }
        for (int y = (int) (H * 0.8); y < H; y++) { // river
            for (int x = 0; x < W; x++) {
                double[] c = img.get(x, y);
                double centre = W * 0.5 + 40 * Math.sin(y * 0.03);
                if (Math.abs(x - centre) < (y - H * 0.8) * 1.2 + 10) {
                    img.set(x, y, mix(rgb(0x3f6f6a), c, 0.25 * n.fbm(x * 0.05, y * 0.2, 3)));
                }
            }
        }
        img.vignette(0.25);
        return img;
    }

    static Img autumnLeaves(SplittableRandom r, Noise n) {
        Img img = new Img();
        sky(img, new double[] {0, 1}, new int[] {0x6a3a1a, 0x2a1a0e});
        int[] palette = {0xd2691e, 0xff8c00, 0xb22222, 0xdaa520, 0x8b4513, 0xffb347, 0xa0522d};
        for (int i = 0; i < 900; i++) { // far, blurred foliage
            img.disc(r.nextDouble() * W, r.nextDouble() * H, 10 + r.nextDouble() * 40, 0.9,
                    rgb(palette[r.nextInt(palette.length)]), 0.35, false);
        }
        img.blur(5);
        for (int i = 0; i < 60; i++) { // near leaves, sharper
            double cx = r.nextDouble() * W, cy = r.nextDouble() * H, len = 25 + r.nextDouble() * 35;
            double angle = r.nextDouble() * Math.PI;
            double[] c = rgb(palette[r.nextInt(palette.length)]);
            for (double t = -1; t <= 1; t += 0.02) {
                double half = len * 0.45 * Math.sqrt(1 - t * t);
                double px = cx + Math.cos(angle) * t * len, py = cy + Math.sin(angle) * t * len;
                img.disc(px, py, half + 1, 0.3, scale(c, 0.9 + 0.2 * n.value(px * 0.1, py * 0.1)), 0.5, false);
            }
        }
        img.vignette(0.35);
        return img;
    }

    static Img moonlitCoast(SplittableRandom r, Noise n) {
        Img img = new Img();
        int horizon = (int) (H * 0.6);
        sky(img, new double[] {0, 0.6, 1}, new int[] {0x050814, 0x1c2a48, 0x0a0f1c});
        for (int i = 0; i < 600; i++) {
            img.disc(r.nextDouble() * W, r.nextDouble() * horizon, 0.9, 0.8, rgb(0xdfe8ff), 0.3 + r.nextDouble() * 0.6, true);
        }
        img.disc(W * 0.7, H * 0.2, 38, 0.08, rgb(0xf4f0e0), 1, false);
        img.disc(W * 0.7, H * 0.2, 140, 1, rgb(0x4a5a80), 0.6, true);
        for (int y = horizon; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double d = (y - horizon) / (double) (H - horizon);
                double wave = n.fbm(x * 0.008 / (0.1 + d), y * 0.1 / (0.1 + d), 5);
                double path = Math.exp(-Math.pow((x - W * 0.7) / (20 + 150 * d), 2)) * smooth((wave - 0.5) * 6);
                img.set(x, y, mix(rgb(0x0c1426), rgb(0x1e2c4a), wave));
                img.add(x, y, rgb(0xe8e4d0), path * 0.7);
            }
        }
        for (int y = (int) (H * 0.5); y < H; y++) { // rocks on the left
            double edge = W * 0.38 * (0.4 + 0.6 * (y - H * 0.5) / (H * 0.5)) + 50 * (n.fbm(y * 0.02, 4, 5) - 0.5);
            for (int x = 0; x < edge; x++) {
                img.set(x, y, scale(rgb(0x1a1c22), 0.7 + 0.6 * n.fbm(x * 0.04, y * 0.04, 5)));
            }
        }
        img.vignette(0.35);
        return img;
    }
}
