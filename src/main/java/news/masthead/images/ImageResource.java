package news.masthead.images;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import news.masthead.kernel.auth.Access;
import news.masthead.kernel.auth.Role;
import news.masthead.kernel.config.CmsConfig;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.errors.ProblemMapper;
import news.masthead.kernel.http.Conditional;
import news.masthead.kernel.http.IfMatch;
import news.masthead.kernel.http.JsonText;
import news.masthead.kernel.http.Replayable;
import news.masthead.kernel.openapi.OpenApiDocs;
import news.masthead.kernel.paging.Lists;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Encoding;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Path("/api/v1/images")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Images", description = "Photos and graphics: upload, newsroom metadata, renditions.")
public class ImageResource {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String WEBP = "image/webp";
    static final String GIF = "image/gif";
    private static final Pattern FILENAME =
            Pattern.compile("filename\\*?=\\s*(?:UTF-8'')?\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    @Inject
    ImageService images;

    @Inject
    Uploads uploads;

    @Inject
    CmsConfig cms;

    @Inject
    ObjectMapper mapper;

    @GET
    @Replayable
    @Access(Role.PUBLIC)
    @Operation(
            summary = "List images",
            description = "Sort: createdAt (default -createdAt); with q and no sort, by relevance. "
                    + "Anonymous callers list only images that a visible article or a person uses.")
    @APIResponseSchema(value = ImagePage.class, responseDescription = "A page of images")
    public RestResponse<JsonText> list(@BeanParam ImageListParams params, @Context UriInfo uri) {
        return Lists.ok(images.list(params), uri);
    }

    @GET
    @Replayable
    @Path("{id}")
    @Access(Role.PUBLIC)
    @Operation(
            summary = "Get an image's record",
            description = "404 for anonymous callers unless a visible article or a person uses it.")
    public RestResponse<ImageView> get(
            @PathParam("id") String id,
            @Parameter(description = OpenApiDocs.FIELDS) @QueryParam("fields") String fields,
            @Context HttpHeaders headers) {
        ImageView i = images.get(id);
        return Conditional.ok(headers, i, i.version(), i.updatedAt());
    }

    @POST
    @Consumes({JPEG, PNG, WEBP, GIF})
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Upload an image",
            description = "The raw bytes (Content-Type image/jpeg, image/png, image/webp or image/gif; "
                    + "optional Content-Disposition: attachment; filename=\"…\") or multipart/form-data with a file part and an optional "
                    + "metadata part (JSON of ImageInput). Up to cms.images.max-bytes (default 25 MiB; 413 over it); 415 for a type we do "
                    + "not take or one the bytes do not match; 400 for a file that does not decode. IPTC/XMP/EXIF caption, credit, "
                    + "copyright and date fill the fields the metadata leaves empty.")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = WEBP, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = GIF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(
                        mediaType = MediaType.MULTIPART_FORM_DATA,
                        schema =
                                @Schema(
                                        type = SchemaType.OBJECT,
                                        requiredProperties = "file",
                                        properties = {
                                            @SchemaProperty(
                                                    name = "file",
                                                    type = SchemaType.STRING,
                                                    format = "binary",
                                                    description = "The image file"),
                                            @SchemaProperty(
                                                    name = "metadata",
                                                    implementation = ImageInput.class,
                                                    description = "Writable fields")
                                        }),
                        encoding = @Encoding(name = "metadata", contentType = MediaType.APPLICATION_JSON))
            })
    @APIResponseSchema(
            value = ImageView.class,
            responseDescription = "Created; Location names the new image",
            responseCode = "201")
    public RestResponse<ImageView> upload(
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("Content-Disposition") String disposition,
            InputStream body,
            @Context UriInfo uri) {
        ImageView i =
                uploads.admitted(() -> images.create(uploads.inspect(body, contentType, filename(disposition)), null));
        return Conditional.created(uri, i.id(), i, i.version(), i.updatedAt());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(hidden = true) // documented with upload(): one operation that takes either body
    public RestResponse<ImageView> uploadForm(
            @RestForm("file") FileUpload file, @RestForm("metadata") String metadata, @Context UriInfo uri) {
        if (file == null) {
            throw ApiException.InvalidRequest.field("file", "a multipart upload needs a file part");
        }
        if (file.size() > cms.images().maxBytes()) {
            throw Upload.tooLarge(cms.images().maxBytes());
        }
        ImageInput input = metadata(metadata);
        ImageView i = uploads.admitted(() -> {
            try {
                return images.create(
                        uploads.inspect(Files.newInputStream(file.uploadedFile()), file.contentType(), file.fileName()),
                        input);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return Conditional.created(uri, i.id(), i, i.version(), i.updatedAt());
    }

    /** The multipart upload's optional JSON metadata part; null when absent or blank. */
    private ImageInput metadata(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(json, ImageInput.class);
        } catch (JsonProcessingException e) {
            throw ProblemMapper.toInvalidRequest(e);
        }
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Replace an image's metadata",
            description = "Omitted optional fields return to their defaults; the file "
                    + "cannot change (upload a new image). Honours If-Match.")
    public RestResponse<ImageView> replace(
            @PathParam("id") String id, @RequestBody(required = true) ImageInput input, @Context HttpHeaders headers) {
        ImageView i = images.replace(id, input, IfMatch.of(headers));
        return Conditional.written(i, i.version(), i.updatedAt());
    }

    @PATCH
    @Path("{id}")
    @Consumes({OpenApiDocs.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Change some metadata of an image",
            description = "JSON Merge Patch (RFC 7396). Honours If-Match.")
    public RestResponse<ImageView> patch(
            @PathParam("id") String id,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = OpenApiDocs.MERGE_PATCH,
                                            schema = @Schema(implementation = ImageInput.class)))
                    JsonNode patch,
            @Context HttpHeaders headers) {
        ImageView i = images.patch(id, patch, IfMatch.of(headers));
        return Conditional.written(i, i.version(), i.updatedAt());
    }

    @DELETE
    @Path("{id}")
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Delete an image",
            description = "409, naming one, while an article or a person uses it. Honours If-Match.")
    public RestResponse<Void> delete(@PathParam("id") String id, @Context HttpHeaders headers) {
        images.delete(id, IfMatch.of(headers));
        return RestResponse.noContent();
    }

    private static String filename(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher m = FILENAME.matcher(disposition);
        return m.find() ? m.group(1) : null;
    }
}
