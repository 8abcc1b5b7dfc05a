package io.citykpi.shared.idempotency;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A POST that creates a record honours the {@code Idempotency-Key} header: the same key with the same
 * request gives the first answer again without writing anything; the same key with another request
 * is a 409. See {@link IdempotencyInterceptor}.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {

    /** The request header. */
    String HEADER = "Idempotency-Key";
}
