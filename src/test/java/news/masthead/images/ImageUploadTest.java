package news.masthead.images;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import news.masthead.Api;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import static news.masthead.images.TestImages.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ImageUploadTest {

    static final String EDITOR = "Bearer " + Api.ADMIN_TOKEN;

    @Test
    void rawUploadGetsItsFileFieldsFromTheServer() throws Exception {
        byte[] jpeg = TestImages.picture(800, 600, "jpeg");
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg));
        Response r = RestAssured.given()
                .header("Authorization", EDITOR)
                .contentType("image/jpeg")
                .header("Content-Disposition", "attachment; filename=\"convoy.jpg\"")
                .body(jpeg)
                .post("/api/v1/images");
        String id = r.then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/images/" + r.path("id")))
                .body("filename", equalTo("convoy.jpg"))
                .body("contentType", equalTo("image/jpeg"))
                .body("bytes", equalTo(jpeg.length))
                .body("width", equalTo(800))
                .body("height", equalTo(600))
                .body("sha256", equalTo(sha))
                .body("version", equalTo(1))
                .body("focalPoint.x", equalTo(0.5f))
                .body("alt", nullValue())
                .extract()
                .path("id");
        Api.editor()
                .get("/api/v1/images/" + id)
                .then()
                .statusCode(200)
                .body("url", equalTo("/api/v1/images/" + id + "/file?v=1"))
                .body("width", equalTo(800));
    }

    @Test
    void multipartUploadTakesTheFileAndMetadata() {
        byte[] png = TestImages.picture(300, 200, "png");
        RestAssured.given()
                .header("Authorization", EDITOR)
                .multiPart("file", "map.png", png, "image/png")
                .multiPart(
                        "metadata",
                        "{\"alt\":\"A map of the front line\",\"credit\":\"Masthead graphics\","
                                + "\"focalPoint\":{\"x\":0.25,\"y\":0.75}}",
                        "application/json")
                .post("/api/v1/images")
                .then()
                .statusCode(201)
                .body("filename", equalTo("map.png"))
                .body("contentType", equalTo("image/png"))
                .body("width", equalTo(300))
                .body("height", equalTo(200))
                .body("alt", equalTo("A map of the front line"))
                .body("credit", equalTo("Masthead graphics"))
                .body("focalPoint.x", equalTo(0.25f))
                .body("focalPoint.y", equalTo(0.75f));
    }

    @Test
    void multipartMetadataWithAnUnknownPropertyIs400() {
        Response r = RestAssured.given()
                .header("Authorization", EDITOR)
                .multiPart("file", "a.png", TestImages.picture(20, 20, "png"), "image/png")
                .multiPart("metadata", "{\"alttext\":\"typo\"}", "application/json")
                .post("/api/v1/images");
        Api.invalid(r, "alttext");
    }

    @Test
    void theDeclaredTypeMustMatchTheBytes() {
        Api.problem(upload(TestImages.picture(40, 30, "png"), "image/jpeg"), 415)
                .body("detail", containsString("image/png"));
        Api.problem(upload("just some text, no picture".getBytes(StandardCharsets.UTF_8), "image/png"), 415);
        Api.problem(upload(TestImages.picture(40, 30, "png"), "application/octet-stream"), 415);
    }

    @Test
    void aFileThatDoesNotDecodeIs400() {
        byte[] broken = new byte[2000];
        Arrays.fill(broken, (byte) 0x5a);
        broken[0] = (byte) 0xff;
        broken[1] = (byte) 0xd8;
        broken[2] = (byte) 0xff;
        Api.problem(upload(broken, "image/jpeg"), 400).body("errors[0].field", equalTo("file"));
    }

    @Test
    void anUploadOverTheLimitIs413WithOrWithoutContentLength() {
        // %test.cms.images.max-bytes is 3 MiB; a valid JPEG header first, so only the size can be the reason.
        byte[] big = Arrays.copyOf(TestImages.picture(40, 30, "jpeg"), 3 * 1024 * 1024 + 1);
        Api.problem(upload(big, "image/jpeg"), 413).body("detail", containsString("3145728"));
        Response chunked = RestAssured.given()
                .header("Authorization", EDITOR)
                .contentType("image/jpeg")
                .body(new ByteArrayInputStream(big))
                .post("/api/v1/images");
        Api.problem(chunked, 413);
        // Exactly at the limit is not over it (bytes after the JPEG's end are ignored by decoders).
        upload(Arrays.copyOf(big, 3 * 1024 * 1024), "image/jpeg")
                .then()
                .statusCode(201)
                .body("bytes", equalTo(3 * 1024 * 1024));
    }

    @Test
    void embeddedMetadataFillsOnlyTheFieldsLeftEmpty() {
        byte[] jpeg = TestImages.jpegWithExif(400, 300);
        upload(jpeg, "image/jpeg")
                .then()
                .statusCode(201)
                .body("caption", equalTo("Caption from EXIF"))
                .body("credit", equalTo("Reuters/Jane Roe"))
                .body("copyright", equalTo("(c) 2026 Test Agency"))
                .body("takenAt", equalTo("2026-11-20T06:00:00Z"));
        RestAssured.given()
                .header("Authorization", EDITOR)
                .multiPart("file", "x.jpg", jpeg, "image/jpeg")
                .multiPart("metadata", "{\"caption\":\"Our own caption\"}", "application/json")
                .post("/api/v1/images")
                .then()
                .statusCode(201)
                .body("caption", equalTo("Our own caption"))
                .body("credit", equalTo("Reuters/Jane Roe"));
    }

    @Test
    void uploadingNeedsAnEditorToken() {
        RestAssured.given()
                .contentType("image/png")
                .body(TestImages.picture(10, 10, "png"))
                .post("/api/v1/images")
                .then()
                .statusCode(401);
    }
}
