package news.masthead.images;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import news.masthead.Api;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Pictures the tests draw themselves, and a JPEG carrying the EXIF a careless camera writes (built byte by byte). */
public final class TestImages {

    /** Uploads raw bytes as an editor; returns the response. */
    public static Response upload(byte[] data, String contentType) {
        return RestAssured.given()
                .header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
                .contentType(contentType)
                .body(data)
                .post("/api/v1/images");
    }

    /** Uploads raw bytes as an editor; returns the new image's id. */
    public static String uploaded(byte[] data, String contentType) {
        return upload(data, contentType).then().statusCode(201).extract().path("id");
    }

    public static final String SERIAL = "SN-98765-SECRET";
    public static final String MAKE = "TestCam";

    private TestImages() {}

    /** A gradient with a red square in the top-left quarter (to see crops), as {@code format} (jpeg, png, gif). */
    public static byte[] picture(int w, int h, String format) {
        BufferedImage img = new BufferedImage(
                w, h, format.equals("png") ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.BLUE, w, h, Color.YELLOW));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 4, h / 4);
        g.dispose();
        return write(img, format);
    }

    public static byte[] write(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage read(byte[] data) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JPEG whose EXIF (APP1, right after SOI) holds a description, camera make, artist, copyright, the date taken,
     * the body serial number and a GPS position, plus an XMP packet with a photoshop:Credit.
     */
    public static byte[] jpegWithExif(int w, int h) {
        byte[] jpeg = picture(w, h, "jpeg");
        byte[] exif = app1("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff());
        String xmp =
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                        + "<rdf:Description rdf:about=\"\" xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\""
                        + " photoshop:Credit=\"Reuters/Jane Roe\"/></rdf:RDF></x:xmpmeta>";
        byte[] xmpSegment = app1(
                "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                xmp.getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + exif.length + xmpSegment.length);
        out.put(jpeg, 0, 2).put(exif).put(xmpSegment).put(jpeg, 2, jpeg.length - 2); // after SOI (FF D8)
        return out.array();
    }

    /**
     * {@code width} × {@code height} stored pixels, the left half red and the right half blue, as a JPEG whose EXIF says
     * Orientation {@code orientation} (how a camera stores a photo taken sideways).
     */
    public static byte[] jpegWithOrientation(int width, int height, int orientation) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        byte[] jpeg = write(img, "jpeg");
        List<Entry> ifd0 = List.of(new Entry(
                0x0112,
                3,
                1,
                ByteBuffer.allocate(2).putShort((short) orientation).array()));
        ByteBuffer tiff = ByteBuffer.allocate(8 + size(ifd0)).order(ByteOrder.BIG_ENDIAN);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        ifd(tiff, 8, ifd0);
        byte[] exif = app1("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.array());
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + exif.length);
        out.put(jpeg, 0, 2).put(exif).put(jpeg, 2, jpeg.length - 2); // after SOI (FF D8)
        return out.array();
    }

    private static byte[] app1(byte[] header, byte[] payload) {
        int length = 2 + header.length + payload.length;
        ByteBuffer b = ByteBuffer.allocate(2 + length).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(header).put(payload);
        return b.array();
    }

    /** One IFD entry: tag, TIFF type (2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL), count, value bytes (big-endian). */
    private record Entry(int tag, int type, int count, byte[] value) {}

    private static Entry ascii(int tag, String s) {
        byte[] v = (s + "\0").getBytes(StandardCharsets.US_ASCII);
        return new Entry(tag, 2, v.length, v);
    }

    private static Entry longValue(int tag, int n) {
        return new Entry(tag, 4, 1, ByteBuffer.allocate(4).putInt(n).array());
    }

    private static Entry rationals(int tag, int... numerators) {
        ByteBuffer b = ByteBuffer.allocate(8 * numerators.length);
        for (int n : numerators) {
            b.putInt(n).putInt(1);
        }
        return new Entry(tag, 5, numerators.length, b.array());
    }

    private static int size(List<Entry> entries) {
        int n = 2 + 12 * entries.size() + 4;
        for (Entry e : entries) {
            n += e.value.length > 4 ? e.value.length + (e.value.length & 1) : 0;
        }
        return n;
    }

    /** A big-endian TIFF structure: IFD0, then the EXIF sub-IFD, then the GPS IFD, each followed by its long values. */
    private static byte[] tiff() {
        List<Entry> exif = List.of(ascii(0x9003, "2026:11:20 06:00:00"), ascii(0xA431, SERIAL));
        List<Entry> gps = List.of(
                ascii(0x0001, "N"), rationals(0x0002, 49, 12, 30), ascii(0x0003, "E"), rationals(0x0004, 37, 16, 5));
        List<Entry> ifd0 = new ArrayList<>(List.of(
                ascii(0x010E, "Caption from EXIF"),
                ascii(0x010F, MAKE),
                ascii(0x013B, "Jane Roe"),
                ascii(0x8298, "(c) 2026 Test Agency")));
        int ifd0Size = size(ifd0) + 2 * 12; // plus the two pointer entries below
        int exifAt = 8 + ifd0Size;
        int gpsAt = exifAt + size(exif);
        ifd0.add(longValue(0x8769, exifAt));
        ifd0.add(longValue(0x8825, gpsAt));
        ByteBuffer b = ByteBuffer.allocate(gpsAt + size(gps)).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        ifd(b, 8, ifd0);
        ifd(b, exifAt, exif);
        ifd(b, gpsAt, gps);
        return b.array();
    }

    private static void ifd(ByteBuffer b, int at, List<Entry> entries) {
        int data = at + 2 + 12 * entries.size() + 4;
        b.position(at);
        b.putShort((short) entries.size());
        for (Entry e : entries) {
            b.putShort((short) e.tag).putShort((short) e.type).putInt(e.count);
            if (e.value.length <= 4) {
                b.put(e.value).put(new byte[4 - e.value.length]);
            } else {
                b.putInt(data);
                int here = b.position();
                b.position(data);
                b.put(e.value);
                data += e.value.length + (e.value.length & 1);
                b.position(here);
            }
        }
        b.putInt(0); // no next IFD
    }
}
