package dev.tusk.media.api;

import dev.tusk.media.domain.MediaException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * A multipart upload that cannot be read (no boundary, a boundary past the line limit, a part
 * without Content-Disposition) is refused 400 in pict-rs's own error form, as pict-rs does.
 */
@Provider
@MultipartBody
@Priority(Priorities.ENTITY_CODER - 100)
public class MultipartBodyGuard implements ReaderInterceptor {
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (MediaException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MediaException(400, "invalid-multipart",
                    "the body is not multipart/form-data with a boundary and parts named by Content-Disposition");
        }
    }
}
