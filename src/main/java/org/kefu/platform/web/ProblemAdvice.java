package org.kefu.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.kefu.platform.ConflictException;
import org.kefu.platform.ContentTooLargeException;
import org.kefu.platform.ForbiddenException;
import org.kefu.platform.InvalidRequestException.FieldProblem;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.UnprocessableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure of an API call into RFC 9457 problem+json. Invalid fields are listed
 * by name under {@code errors}; nothing internal (stack traces, SQL, class names) leaks out.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    static final URI VALIDATION = URI.create("https://kefu.org/problems/validation");

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.");
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(UnprocessableException.class)
    ProblemDetail unprocessable(UnprocessableException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable request", e.getMessage());
    }

    @ExceptionHandler({ObjectOptimisticLockingFailureException.class, jakarta.persistence.OptimisticLockException.class})
    ProblemDetail concurrentChange(Exception e) {
        return problem(HttpStatus.CONFLICT, "Changed concurrently",
                "Someone else changed this at the same moment. Load it again and retry.");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.info("Integrity violation: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "Conflict", "This clashes with data that already exists (a duplicate or a missing reference).");
    }

    /**
     * No database connection within the pool's timeout (every connection busy under a burst, or the database
     * down): the desk is overloaded, the request was fine. 503 with Retry-After, so clients retry instead of
     * treating it as a bug; logged as one line, not as an unexpected error with its stack.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            org.hibernate.exception.JDBCConnectionException.class})
    ResponseEntity<ProblemDetail> busy(Exception e) {
        log.warn("No database connection for a request: {}", NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy",
                        "The desk is too busy to handle this right now; nothing was changed. Please retry in a few seconds."));
    }

    /** A unique or foreign key violation that reached us untranslated (a flush outside a repository call). */
    @ExceptionHandler(org.hibernate.exception.ConstraintViolationException.class)
    ProblemDetail integrity(org.hibernate.exception.ConstraintViolationException e) {
        if (e.getKind() != org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE
                && e.getKind() != org.hibernate.exception.ConstraintViolationException.ConstraintKind.FOREIGN_KEY) {
            return unexpected(e);
        }
        log.info("Integrity violation: {} ({})", e.getConstraintName(), e.getKind());
        return problem(HttpStatus.CONFLICT, "Conflict", "This clashes with data that already exists (a duplicate or a missing reference).");
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return validation(e.problems());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        return validation(e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : describe(e.getRequiredType());
        return validation(List.of(new FieldProblem(e.getName(), "must be " + expected)));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", e.getMessage());
    }

    @ExceptionHandler(ContentTooLargeException.class)
    ProblemDetail contentTooLarge(ContentTooLargeException e) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
                "Request too large", "The upload is larger than the limit for one request."));
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail badMultipart(MultipartException e) {
        log.info("Unreadable multipart request: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.BAD_REQUEST, "Malformed request",
                "The multipart/form-data body could not be read (too many parts, a part header too long, or a broken body).");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error while handling a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side. It has been logged; please try again.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            problems.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> problems.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return ResponseEntity.badRequest().body(validation(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldProblem(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(validation(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof PayloadTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
        }
        Throwable jackson = ex.getCause();
        if (jackson instanceof JacksonException je && !je.getPath().isEmpty()) {
            String field = path(je);
            String message;
            if (je instanceof InvalidFormatException ife) {
                message = "has the value '" + ife.getValue() + "', which must be " + describe(ife.getTargetType());
            } else if (je instanceof UnrecognizedPropertyException) {
                message = "is not a known field";
            } else if (je instanceof MismatchedInputException mie && mie.getTargetType() != null) {
                message = "must be " + describe(mie.getTargetType());
            } else {
                message = "is malformed";
            }
            return ResponseEntity.badRequest().body(validation(List.of(new FieldProblem(field, message))));
        }
        String detail = jackson instanceof JacksonException je && je.getLocation() != null
                ? "The body is not valid JSON (line " + je.getLocation().getLineNr() + ", column " + je.getLocation().getColumnNr() + ")."
                : "The request body is missing or is not valid JSON.";
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request", detail));
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "Long", "long", "Integer", "int" -> "a whole number";
            case "BigDecimal", "Double", "double" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "Instant", "OffsetDateTime" -> "an ISO-8601 date-time such as 2026-11-23T10:00:00Z";
            case "LocalDate" -> "an ISO-8601 date such as 2026-11-23";
            case "List", "Set" -> "a list";
            case "String" -> "a string";
            default -> "a " + type.getSimpleName();
        };
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    static ProblemDetail validation(List<FieldProblem> problems) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                problems.size() == 1 ? "One field is invalid." : problems.size() + " fields are invalid.");
        problem.setType(VALIDATION);
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message()))
                .toList());
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
