package news.masthead.demo;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * Pictures of our own making for the demo content, drawn with Java2D at load time (no file whose rights we would
 * have to check): a landscape per article and a silhouette per portrait, each seeded by its key so that every load
 * draws the same picture. No text is drawn (fonts need a font configuration a headless server may lack); the alt
 * text and the credit "Masthead demo" say what they are. Small JPEGs, so a start with demo content stays fast.
 */
final class DemoPictures {

    static final int WIDTH = 1600;
    static final int HEIGHT = 900;
    static final int PORTRAIT_WIDTH = 800;
    static final int PORTRAIT_HEIGHT = 1000;

    private DemoPictures() {}

    /** Sky, sun, three ranges of hills and water, in colours chosen by {@code key}. */
    static byte[] landscape(String key) {
        Random r = new Random(key.hashCode());
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        float hue = r.nextFloat();
        g.setPaint(new GradientPaint(
                0,
                0,
                Color.getHSBColor(hue, 0.55f, 0.55f),
                0,
                HEIGHT * 0.6f,
                Color.getHSBColor(hue + 0.08f, 0.35f, 0.95f)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(255, 236, 179));
        g.fill(new Ellipse2D.Double(200 + r.nextInt(1100), 120 + r.nextInt(150), 140, 140));
        for (int range = 0; range < 3; range++) {
            Polygon hills = new Polygon();
            hills.addPoint(0, HEIGHT);
            int base = 420 + range * 110;
            for (int x = 0; x <= WIDTH; x += 80) {
                hills.addPoint(x, base - r.nextInt(120));
            }
            hills.addPoint(WIDTH, HEIGHT);
            g.setColor(Color.getHSBColor(0.25f + 0.1f * range + hue / 10, 0.45f, 0.55f - 0.15f * range));
            g.fill(hills);
        }
        g.setPaint(new GradientPaint(0, 760, new Color(70, 110, 150), 0, HEIGHT, new Color(20, 40, 70)));
        g.fillRect(0, 760, WIDTH, HEIGHT - 760);
        g.dispose();
        return jpeg(img);
    }

    /** A head-and-shoulders silhouette on a plain background: a placeholder portrait, not a likeness. */
    static byte[] portrait(String key) {
        Random r = new Random(key.hashCode());
        BufferedImage img = new BufferedImage(PORTRAIT_WIDTH, PORTRAIT_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        g.setPaint(new GradientPaint(
                0,
                0,
                Color.getHSBColor(r.nextFloat(), 0.25f, 0.85f),
                0,
                PORTRAIT_HEIGHT,
                Color.getHSBColor(r.nextFloat(), 0.3f, 0.5f)));
        g.fillRect(0, 0, PORTRAIT_WIDTH, PORTRAIT_HEIGHT);
        g.setColor(new Color(45, 52, 64));
        g.fill(new Ellipse2D.Double(250, 220, 300, 360));
        g.fill(new Ellipse2D.Double(80, 620, 640, 640));
        g.dispose();
        return jpeg(img);
    }

    private static Graphics2D start(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(2));
        return g;
    }

    private static byte[] jpeg(BufferedImage img) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw a demo picture", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
