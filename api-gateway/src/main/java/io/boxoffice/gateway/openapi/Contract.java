package io.boxoffice.gateway.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an endpoint promises beyond its success answer, stated once on the handler: who may call it, what
 * kind of work it does and which problem codes of its own it answers. {@link ContractResponses} turns it
 * into the OpenAPI document's security and error responses, adding the problems every endpoint of the
 * same access and kind shares, so handlers list only what is particular to them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Contract {

    Access access();

    Kind kind();

    /** The endpoint's own problem codes ({@code ProblemCodes}); their statuses come from {@link ProblemCatalog}. */
    String[] problems() default {};

    /** Who may call: anyone, a verified user (401 without a valid token), or an admin (also 403). */
    enum Access { PUBLIC, USER, ADMIN }

    /**
     * QUERY reads from a neighbour (503 {@code unavailable} when it is down); PROXY forwards to the user-service
     * (503 when it is down, 504 {@code timeout} when its decision is late); COMMAND is decided by
     * the booking processor (503 {@code overloaded} or {@code unavailable}, 504 {@code timeout}, and a
     * {@code Location} on 201/202).
     */
    enum Kind { QUERY, COMMAND, PROXY }
}
