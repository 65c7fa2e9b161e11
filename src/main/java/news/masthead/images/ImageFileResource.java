package news.masthead.images;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import news.masthead.kernel.auth.Access;
import news.masthead.kernel.auth.Caller;
import news.masthead.kernel.auth.Role;
import news.masthead.kernel.cache.ReadCache;
import news.masthead.kernel.config.CmsConfig;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.http.Conditional;
import news.masthead.kernel.http.ETag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An image's file: renditions for everyone who may see the image, the original for editors. Its own class, without
 * the JSON default of {@link ImageResource}: under that, Quarkus REST wrote the byte[] entity as JSON.
 */
@Path("/api/v1/images/{id}/file")
@Tag(name = "Images")
public class ImageFileResource {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Inject
    ImageService images;

    @Inject
    Renditions renditions;

    @Inject
    CmsConfig cms;

    @Inject
    Caller caller;

    @Inject
    ReadCache readCache;

    @GET
    @Blocking // what comes before the render reads the database; an async return alone would run it on the event loop
    // One type here (the response names the file's own): with a list of image types Quarkus REST wrote the byte[] with
    // toString.
    @Produces(ImageResource.JPEG)
    @Access(Role.PUBLIC)
    @Operation(
            summary = "Get a rendition (or, for editors, the original)",
            description =
                    "w and h only from cms.images.widths "
                            + "(default 160, 320, 640, 960, 1280, 1920, 2560; other values 400); with only w (or h) the other follows the aspect "
                            + "ratio, never larger than the original; fit=cover with w and h crops to exactly that size around the focal point. "
                            + "format defaults to the original's type (GIF and WebP give PNG); format=webp is a 400: no pure-Java WebP encoder is "
                            + "available. Renditions are re-encoded and carry no EXIF, XMP or IPTC metadata. With v equal to the image's version "
                            + "the answer is cacheable for a year (immutable). original=true: the untouched uploaded bytes, editors only.")
    @APIResponse(
            responseCode = "200",
            description = "The rendition (or the original)",
            content = {
                @Content(mediaType = ImageResource.JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = ImageResource.PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = ImageResource.WEBP, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = ImageResource.GIF, schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    public CompletionStage<RestResponse<byte[]>> file(
            @PathParam("id") String id,
            @Parameter(description = "Width, one of cms.images.widths") @QueryParam("w") String w,
            @Parameter(description = "Height, one of cms.images.widths") @QueryParam("h") String h,
            @Parameter(description = "contain (default) or cover") @QueryParam("fit") String fit,
            @Parameter(description = "jpeg or png (webp: 400)") @QueryParam("format") String format,
            @Parameter(description = "The image's version, for a year-long immutable Cache-Control") @QueryParam("v")
                    String v,
            @Parameter(description = "true: the untouched original (editors only)") @QueryParam("original")
                    String original,
            @Context HttpHeaders headers) {
        RenditionSpec spec = RenditionSpec.parse(w, h, fit, format, cms.images().widths());
        boolean wantsOriginal = original != null && original.equalsIgnoreCase("true");
        if (original != null && !wantsOriginal && !original.equalsIgnoreCase("false")) {
            throw ApiException.InvalidRequest.field("original", "must be true or false");
        }
        if (wantsOriginal && !caller.isEditor()) {
            throw new ApiException.Unauthenticated("The original is for editors: send an editor token.");
        }
        ImageService.FileInfo info = caller.isEditor() ? images.file(id) : anonymous(id);
        if (wantsOriginal) {
            String etag = ETag.version(info.version(), "original");
            return CompletableFuture.completedFuture(
                    ifNoneMatch(headers, etag)
                            ? notModified(etag)
                            : RestResponse.ResponseBuilder.ok(images.original(info.id()))
                                    .type(info.format().mediaType)
                                    .header(HttpHeaders.ETAG, etag)
                                    .build());
        }
        RenditionSpec.Plan plan = spec.plan(
                info.width(),
                info.height(),
                info.focalX(),
                info.focalY(),
                cms.images().widths().stream().max(Integer::compare).orElse(2560));
        String fmt = spec.formatFor(info.format());
        String etag = ETag.version(
                info.version(),
                plan.width() + "x" + plan.height()
                        + (spec.cover() ? "-c" + plan.region().x + "." + plan.region().y : "") + "." + fmt);
        String cacheControl = !info.isPublic()
                ? "private, no-cache"
                : String.valueOf(info.version()).equals(v)
                        ? IMMUTABLE
                        : "public, max-age=" + cms.http().publicMaxAge();
        if (ifNoneMatch(headers, etag)) {
            return CompletableFuture.completedFuture(RestResponse.ResponseBuilder.<byte[]>notModified()
                    .header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                    .build());
        }
        return renditions
                .get(info.id(), info.version(), spec, info.original(), plan, () -> images.original(info.id()))
                .thenApply(bytes -> RestResponse.ResponseBuilder.ok(bytes)
                        .type("image/" + fmt)
                        .header(HttpHeaders.ETAG, etag)
                        .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                        .build());
    }

    /**
     * The record as anonymous callers see it, from the read cache while it is unchanged and no article moved: a warm rendition
     * then costs no transaction and no query of its own (only its share of the version read), where it used to take a
     * pooled connection for two queries (the record and its visibility).
     */
    private ImageService.FileInfo anonymous(String id) {
        // Its visibility follows the articles using it (one coming due changes no row): it depends on their moves too.
        return readCache.record(
                "image", "file|" + id, () -> images.file(id), f -> f, f -> Set.of(ReadCache.ARTICLES_LISTED));
    }

    private static boolean ifNoneMatch(HttpHeaders headers, String etag) {
        return Conditional.notModified(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), null, etag, null);
    }

    private static RestResponse<byte[]> notModified(String etag) {
        return RestResponse.ResponseBuilder.<byte[]>notModified()
                .header(HttpHeaders.ETAG, etag)
                .build();
    }
}
