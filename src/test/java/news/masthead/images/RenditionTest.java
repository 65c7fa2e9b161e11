package news.masthead.images;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import news.masthead.Api;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static news.masthead.images.ImageUploadTest.EDITOR;
import static news.masthead.images.TestImages.uploaded;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RenditionTest {

    static byte[] file(String id, String query) {
        return RestAssured.given()
                .header("Authorization", EDITOR)
                .get("/api/v1/images/" + id + "/file" + query)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }

    @Test
    void widthFollowsTheAspectRatioAndNeverGrowsPastTheOriginal() {
        String id = uploaded(TestImages.picture(800, 600, "jpeg"), "image/jpeg");
        RestAssured.given()
                .header("Authorization", EDITOR)
                .get("/api/v1/images/" + id + "/file?w=640")
                .then()
                .statusCode(200)
                .contentType("image/jpeg");
        BufferedImage small = TestImages.read(file(id, "?w=640"));
        assertEquals(640, small.getWidth());
        assertEquals(480, small.getHeight());
        BufferedImage capped = TestImages.read(file(id, "?w=1280"));
        assertEquals(800, capped.getWidth());
        BufferedImage byHeight = TestImages.read(file(id, "?h=160"));
        assertEquals(213, byHeight.getWidth());
        assertEquals(160, byHeight.getHeight());
    }

    @Test
    void sizesOutsideTheConfiguredWidthsAndWebpOutputAre400() {
        String id = uploaded(TestImages.picture(200, 100, "png"), "image/png");
        Api.invalid(Api.editor().get("/api/v1/images/" + id + "/file?w=500"), "w");
        Api.invalid(Api.editor().get("/api/v1/images/" + id + "/file?h=abc"), "h");
        Api.invalid(Api.editor().get("/api/v1/images/" + id + "/file?fit=stretch"), "fit");
        Api.invalid(Api.editor().get("/api/v1/images/" + id + "/file?format=webp"), "format")
                .body("detail", containsString("WebP"));
        Api.problem(Api.editor().get("/api/v1/images/" + id + "/file?size=10"), 400);
    }

    @Test
    void coverCropsToExactlyTheSizeAroundTheFocalPoint() {
        // The red square fills the top-left quarter: a crop around the top-left corner shows it, one around the
        // bottom-right not.
        String id = uploaded(TestImages.picture(800, 600, "png"), "image/png");
        Api.editor()
                .body("{\"focalPoint\":{\"x\":0,\"y\":0}}")
                .patch("/api/v1/images/" + id)
                .then()
                .statusCode(200);
        BufferedImage topLeft = TestImages.read(file(id, "?w=320&h=320&fit=cover"));
        assertEquals(320, topLeft.getWidth());
        assertEquals(320, topLeft.getHeight());
        assertTrue(isRed(topLeft.getRGB(10, 10)));
        Api.editor()
                .body("{\"focalPoint\":{\"x\":1,\"y\":1}}")
                .patch("/api/v1/images/" + id)
                .then()
                .statusCode(200);
        BufferedImage bottomRight = TestImages.read(file(id, "?w=320&h=320&fit=cover"));
        assertFalse(isRed(bottomRight.getRGB(10, 10)));
        assertEquals(320, bottomRight.getHeight());
    }

    @Test
    void aJpegTurnedByItsExifOrientationRendersUprightAndRecordsTheShownSize() {
        // Stored 320 × 160, red left, blue right. Orientation 6 (turn 90° clockwise): shown 160 × 320, red on top.
        String turned = uploaded(TestImages.jpegWithOrientation(320, 160, 6), "image/jpeg");
        Api.editor()
                .get("/api/v1/images/" + turned)
                .then()
                .statusCode(200)
                .body("width", equalTo(160))
                .body("height", equalTo(320));
        BufferedImage six = TestImages.read(file(turned, "?h=320"));
        assertEquals(160, six.getWidth());
        assertEquals(320, six.getHeight());
        assertTrue(isRed(six.getRGB(80, 40)));
        assertTrue(isBlue(six.getRGB(80, 280)));
        // A cover crop around a focal point near the top of the upright picture shows only its red top.
        Api.editor()
                .body("{\"focalPoint\":{\"x\":0.5,\"y\":0}}")
                .patch("/api/v1/images/" + turned)
                .then()
                .statusCode(200);
        BufferedImage top = TestImages.read(file(turned, "?w=160&h=160&fit=cover"));
        assertEquals(160, top.getHeight());
        assertTrue(isRed(top.getRGB(80, 10)));
        assertTrue(isRed(top.getRGB(80, 150)));

        // Orientation 8 (turn 90° anticlockwise): red at the bottom.
        BufferedImage eight =
                TestImages.read(file(uploaded(TestImages.jpegWithOrientation(320, 160, 8), "image/jpeg"), "?h=320"));
        assertEquals(160, eight.getWidth());
        assertTrue(isBlue(eight.getRGB(80, 40)));
        assertTrue(isRed(eight.getRGB(80, 280)));

        // Orientation 3 (upside down): the size stays, red on the right.
        String upsideDown = uploaded(TestImages.jpegWithOrientation(320, 160, 3), "image/jpeg");
        Api.editor().get("/api/v1/images/" + upsideDown).then().body("width", equalTo(320));
        BufferedImage three = TestImages.read(file(upsideDown, "?w=320"));
        assertEquals(160, three.getHeight());
        assertTrue(isBlue(three.getRGB(40, 80)));
        assertTrue(isRed(three.getRGB(280, 80)));
    }

    @Test
    void formatDefaultsToTheOriginalsAndAGifGivesAPng() {
        String gif = uploaded(TestImages.picture(100, 80, "gif"), "image/gif");
        RestAssured.given()
                .header("Authorization", EDITOR)
                .get("/api/v1/images/" + gif + "/file?w=160")
                .then()
                .statusCode(200)
                .contentType("image/png");
        String jpeg = uploaded(TestImages.picture(100, 80, "jpeg"), "image/jpeg");
        RestAssured.given()
                .header("Authorization", EDITOR)
                .get("/api/v1/images/" + jpeg + "/file?w=160&format=png")
                .then()
                .statusCode(200)
                .contentType("image/png");
    }

    @Test
    void aRenditionHasAStrongETagAndAnswers304() {
        String id = uploaded(TestImages.picture(400, 300, "jpeg"), "image/jpeg");
        String etag = RestAssured.given()
                .header("Authorization", EDITOR)
                .get("/api/v1/images/" + id + "/file?w=320")
                .then()
                .statusCode(200)
                .header("ETag", startsWith("\"1-320x240"))
                .extract()
                .header("ETag");
        RestAssured.given()
                .header("Authorization", EDITOR)
                .header("If-None-Match", etag)
                .get("/api/v1/images/" + id + "/file?w=320")
                .then()
                .statusCode(304)
                .header("ETag", equalTo(etag));
        // The same rendition twice is the same bytes (the second from the cache).
        assertArrayEquals(file(id, "?w=320"), file(id, "?w=320"));
    }

    @Test
    void theOriginalIsForEditorsOnly() {
        byte[] jpeg = TestImages.picture(100, 80, "jpeg");
        String id = uploaded(jpeg, "image/jpeg");
        assertArrayEquals(jpeg, file(id, "?original=true"));
        RestAssured.given()
                .get("/api/v1/images/" + id + "/file?original=true")
                .then()
                .statusCode(401);
    }

    /** Privacy: no rendition carries the EXIF (GPS, serial, camera) or XMP of the upload; the original keeps them all. */
    @Test
    void renditionsCarryNoGpsSerialOrOtherMetadataWhileTheOriginalDoes() throws Exception {
        byte[] jpeg = TestImages.jpegWithExif(640, 480);
        String id = uploaded(jpeg, "image/jpeg");

        byte[] original = file(id, "?original=true");
        assertArrayEquals(jpeg, original);
        Metadata m = ImageMetadataReader.readMetadata(new ByteArrayInputStream(original));
        GpsDirectory gps = m.getFirstDirectoryOfType(GpsDirectory.class);
        assertNotNull(gps, "the test's own JPEG must carry GPS, or this test proves nothing");
        assertNotNull(gps.getGeoLocation());
        assertTrue(contains(original, TestImages.SERIAL));

        for (String query : new String[] {"", "?w=320", "?w=640", "?w=160&h=160&fit=cover", "?w=320&format=png"}) {
            byte[] rendition = file(id, query);
            for (String marker : new String[] {
                TestImages.SERIAL, TestImages.MAKE, "Exif", "http://ns.adobe.com", "Reuters", "Photoshop"
            }) {
                assertFalse(contains(rendition, marker), query + " carries " + marker);
            }
            Metadata r = ImageMetadataReader.readMetadata(new ByteArrayInputStream(rendition));
            assertNull(r.getFirstDirectoryOfType(GpsDirectory.class), query);
            assertNull(r.getFirstDirectoryOfType(ExifIFD0Directory.class), query);
        }
    }

    private static boolean isRed(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 200 && c.getGreen() < 60 && c.getBlue() < 60;
    }

    private static boolean isBlue(int rgb) {
        Color c = new Color(rgb);
        return c.getBlue() > 200 && c.getRed() < 60 && c.getGreen() < 60;
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
