package io.github.wschat.benchmarks.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BroadcastChartTest {

    @Test
    void given_fan_out_results_when_charted_then_a_png_with_the_four_lines_is_written(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("chart.png");

        BroadcastChart.write(ReportFixtures.fanOut(0.5, 0.7, 0.02, 494), png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1160);
        assertThat(image.getHeight()).isEqualTo(700);
        // the lines' colours are drawn: (a) blue, (c) green
        assertThat(countPixels(image, 0x1f77b4)).isGreaterThan(200);
        assertThat(countPixels(image, 0x2ca02c)).isGreaterThan(200);
    }

    private static int countPixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
