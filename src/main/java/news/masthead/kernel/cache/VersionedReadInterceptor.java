package news.masthead.kernel.cache;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Runs before the transaction interceptor (priority 200), so that no connection is held while the version is read. */
@VersionedRead
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
class VersionedReadInterceptor {

    @Inject
    ReadCache cache;

    @AroundInvoke
    Object pin(InvocationContext context) throws Exception {
        return cache.pinned(context::proceed);
    }
}
