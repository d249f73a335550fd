package org.secure2fa.manage.platform;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secure2fa.platform.boundary.BusinessException;
import org.secure2fa.platform.boundary.ConflictException;
import org.secure2fa.platform.boundary.InvalidInputException;
import org.secure2fa.platform.boundary.NotFoundException;
import org.secure2fa.platform.boundary.NotPermittedException;
import org.secure2fa.platform.boundary.PreconditionFailedException;
import org.secure2fa.platform.boundary.UnavailableException;

/** Every failure as problem details: the boundaries' refusals by kind, bad bodies 400, the rest 500 with an incident id. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    /** A boundary's refusal: not found 404, invalid input 400 with its field, conflict 409, not permitted 403. */
    @Provider
    public static class Refusals implements ExceptionMapper<BusinessException> {

        @Override
        public Response toResponse(BusinessException e) {
            if (e instanceof NotFoundException) {
                return Problem.response(404, "Not Found", e.getMessage());
            }
            if (e instanceof InvalidInputException invalid) {
                return Problem.response(400, "Bad Request", e.getMessage(), invalid.getField());
            }
            if (e instanceof PreconditionFailedException) {
                return Problem.response(412, "Precondition Failed", e.getMessage());
            }
            if (e instanceof ConflictException) {
                return Problem.response(409, "Conflict", e.getMessage());
            }
            if (e instanceof NotPermittedException) {
                return Problem.response(403, "Forbidden", e.getMessage());
            }
            if (e instanceof UnavailableException) {
                return Problem.response(503, "Service Unavailable", e.getMessage());
            }
            return Problem.response(400, "Bad Request", e.getMessage());
        }
    }

    /** Bean Validation on a request record: the first violation, with its field. */
    @Provider
    public static class Violations implements ExceptionMapper<ConstraintViolationException> {

        @Override
        public Response toResponse(ConstraintViolationException e) {
            ConstraintViolation<?> first = e.getConstraintViolations().stream().findFirst().orElse(null);
            if (first == null) {
                return Problem.response(400, "Bad Request", "The request is not valid.");
            }
            String path = first.getPropertyPath().toString();
            String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            return Problem.response(400, "Bad Request", field + ": " + first.getMessage(), field);
        }
    }

    /** JAX-RS's own answers (unknown path, wrong method or media type, unreadable body), keeping their status. */
    @Provider
    public static class HttpErrors implements ExceptionMapper<WebApplicationException> {

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return Unexpected.incident(e);
            }
            String detail = switch (status) {
                case 404 -> "No such resource. The API's resources are listed in its OpenAPI document.";
                case 405 -> "This resource does not take that method.";
                case 406 -> "The API answers application/json.";
                case 415 -> "Send application/json.";
                default -> "The request cannot be read: send a JSON body of the documented shape.";
            };
            return Problem.response(status, Response.Status.fromStatusCode(status) == null ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase(), detail);
        }
    }

    /** A body that is not JSON, or not of the expected shape. */
    @Provider
    public static class UnreadableBodies implements ExceptionMapper<JsonbException> {

        @Override
        public Response toResponse(JsonbException e) {
            return Problem.response(400, "Bad Request", "The body is not JSON of the documented shape.");
        }
    }

    /** As {@link UnreadableBodies}, when the runtime wraps the reader's failure. */
    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {

        @Override
        public Response toResponse(ProcessingException e) {
            return Problem.response(400, "Bad Request", "The body is not JSON of the documented shape.");
        }
    }

    /** Anything else: logged with an incident id, answered without internals. */
    @Provider
    public static class Unexpected implements ExceptionMapper<EJBException> {

        @Override
        public Response toResponse(EJBException e) {
            if (e.getCause() instanceof BusinessException refusal) {
                return new Refusals().toResponse(refusal);
            }
            return incident(e);
        }

        static Response incident(Throwable e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Management API failure, incident " + incident, e);
            return Response.fromResponse(Problem.response(500, "Internal Server Error",
                    "The request failed; nothing was changed. Incident " + incident + ".")).build();
        }
    }

    /** Whatever else fails: as {@link Unexpected}. */
    @Provider
    public static class Anything implements ExceptionMapper<Throwable> {

        @Override
        public Response toResponse(Throwable e) {
            return Unexpected.incident(e);
        }
    }
}
