package io.github.wschat.benchmarks.report;

import io.github.wschat.benchmarks.fanout.BroadcastPoint;
import io.github.wschat.benchmarks.fanout.FanOutResults;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Draws broadcast time against N, both axes logarithmic, one line per variant (median of the measured
 * broadcasts at each N), with plain Java 2D into a PNG. Headless.
 */
public final class BroadcastChart {

    private static final int WIDTH = 1160;
    private static final int HEIGHT = 700;
    private static final int LEFT = 95;
    private static final int RIGHT = 330;
    private static final int TOP = 70;
    private static final int BOTTOM = 80;

    /** A line: its variant's route, label, colour and whether it is dashed. */
    record Series(String route, String label, Color color, boolean dashed) {
    }

    private BroadcastChart() {
    }

    /** The chart of the fan-out results' (a), (b), (b′), (c) into {@code png}. */
    public static void write(FanOutResults results, Path png) throws IOException {
        List<Series> series = List.of(
                new Series("sendmessage", "(a) wschat SendMessageHandler", new Color(0x1f, 0x77, 0xb4), false),
                new Series("tutorialsendmessage", "(b) tutorial port, sequential", new Color(0xd6, 0x27, 0x28), false),
                new Series("tutorialpromiseall", "(b\u2032) tutorial port, all at once", new Color(0xff, 0x7f, 0x0e), true),
                new Series("gatewaypush", "(c) gateway push, the limit", new Color(0x2c, 0xa0, 0x2c), false));
        ImageIO.write(draw(results.points(), series), "png", png.toFile());
    }

    static BufferedImage draw(List<BroadcastPoint> points, List<Series> series) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);

        double minN = points.stream().mapToInt(BroadcastPoint::n).min().orElse(1);
        double maxN = points.stream().mapToInt(BroadcastPoint::n).max().orElse(10);
        double minT = points.stream().mapToDouble(BroadcastPoint::medianMillis).filter(t -> t > 0).min().orElse(0.1);
        double maxT = points.stream().mapToDouble(BroadcastPoint::medianMillis).max().orElse(1);
        int xFrom = (int) Math.floor(Math.log10(minN));
        int xTo = Math.max(xFrom + 1, (int) Math.ceil(Math.log10(maxN)));
        int yFrom = (int) Math.floor(Math.log10(minT));
        int yTo = Math.max(yFrom + 1, (int) Math.ceil(Math.log10(maxT)));
        Axes axes = new Axes(xFrom, xTo, yFrom, yTo);

        drawGrid(g, axes);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString("Broadcast time against N (send \u2192 last recipient's receipt, median)", LEFT, 40);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        centered(g, "N: recipients (clients other than the sender)", LEFT + (WIDTH - LEFT - RIGHT) / 2, HEIGHT - 25);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        centered(rotated, "broadcast time (ms)", -(TOP + (HEIGHT - TOP - BOTTOM) / 2), 25);
        rotated.dispose();

        int legendY = TOP + 10;
        for (Series line : series) {
            List<BroadcastPoint> own = new ArrayList<>(points.stream().filter(p -> p.route().equals(line.route())).toList());
            own.sort(Comparator.comparingInt(BroadcastPoint::n));
            if (own.isEmpty()) {
                continue;
            }
            g.setColor(line.color());
            g.setStroke(stroke(line.dashed(), 3f));
            Path2D path = new Path2D.Double();
            for (int i = 0; i < own.size(); i++) {
                double x = axes.x(own.get(i).n());
                double y = axes.y(own.get(i).medianMillis());
                if (i == 0) {
                    path.moveTo(x, y);
                } else {
                    path.lineTo(x, y);
                }
            }
            g.draw(path);
            for (BroadcastPoint point : own) {
                g.fill(new Ellipse2D.Double(axes.x(point.n()) - 5, axes.y(point.medianMillis()) - 5, 10, 10));
            }
            g.setStroke(stroke(line.dashed(), 3f));
            g.drawLine(WIDTH - RIGHT + 20, legendY, WIDTH - RIGHT + 60, legendY);
            g.fill(new Ellipse2D.Double(WIDTH - RIGHT + 35, legendY - 5, 10, 10));
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            g.drawString(line.label(), WIDTH - RIGHT + 68, legendY + 5);
            legendY += 30;
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int noteY = legendY + 15;
        for (String note : List.of("log-log axes", "loopback, 2 JVMs on one machine:", "clients | gateway + DynamoDB Local", "+ handlers; see RESULTS.md")) {
            g.drawString(note, WIDTH - RIGHT + 20, noteY);
            noteY += 17;
        }
        g.dispose();
        return image;
    }

    private static void drawGrid(Graphics2D g, Axes axes) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int decade = axes.yFrom; decade <= axes.yTo; decade++) {
            for (int step = 1; step <= 9 && (step == 1 || decade < axes.yTo); step++) {
                double value = step * Math.pow(10, decade);
                int y = (int) Math.round(axes.y(value));
                g.setColor(step == 1 ? new Color(0xc8, 0xc8, 0xc8) : new Color(0xee, 0xee, 0xee));
                g.drawLine(LEFT, y, WIDTH - RIGHT, y);
                if (step == 1) {
                    g.setColor(Color.BLACK);
                    String label = format(value);
                    FontMetrics metrics = g.getFontMetrics();
                    g.drawString(label, LEFT - 8 - metrics.stringWidth(label), y + 5);
                }
            }
        }
        for (int decade = axes.xFrom; decade <= axes.xTo; decade++) {
            for (int step = 1; step <= 9 && (step == 1 || decade < axes.xTo); step++) {
                double value = step * Math.pow(10, decade);
                int x = (int) Math.round(axes.x(value));
                g.setColor(step == 1 ? new Color(0xc8, 0xc8, 0xc8) : new Color(0xee, 0xee, 0xee));
                g.drawLine(x, TOP, x, HEIGHT - BOTTOM);
                if (step == 1) {
                    g.setColor(Color.BLACK);
                    centered(g, format(value), x, HEIGHT - BOTTOM + 20);
                }
            }
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        g.drawRect(LEFT, TOP, WIDTH - RIGHT - LEFT, HEIGHT - BOTTOM - TOP);
    }

    private static String format(double value) {
        if (value >= 1) {
            return String.format("%,d", Math.round(value));
        }
        return String.valueOf(value).replaceAll("0+$", "");
    }

    private static void centered(Graphics2D g, String text, int x, int y) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y);
    }

    private static Stroke stroke(boolean dashed, float width) {
        return dashed
                ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {10f, 7f}, 0f)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** Decades shown on each axis, and the mapping of values to pixels. */
    private record Axes(int xFrom, int xTo, int yFrom, int yTo) {

        double x(double n) {
            return LEFT + (Math.log10(n) - xFrom) / (xTo - xFrom) * (WIDTH - RIGHT - LEFT);
        }

        double y(double millis) {
            return HEIGHT - BOTTOM - (Math.log10(millis) - yFrom) / (yTo - yFrom) * (HEIGHT - BOTTOM - TOP);
        }
    }
}
