package news.masthead.kernel.http;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Writes {@link JsonText} bodies byte for byte, handing the array straight to the HTTP response. */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class JsonTextWriter implements ServerMessageBodyWriter<JsonText> {

    @Override
    public boolean isWriteable(
            Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return type == JsonText.class;
    }

    @Override
    public void writeResponse(JsonText body, Type genericType, ServerRequestContext context) {
        context.serverResponse().end(body.bytes());
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonText.class;
    }

    @Override
    public void writeTo(
            JsonText body,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out)
            throws IOException {
        out.write(body.bytes());
    }
}
