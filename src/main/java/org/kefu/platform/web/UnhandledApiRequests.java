package org.kefu.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Failures that happen before a controller is chosen (an unknown path, a wrong method, a
 * multipart body that can't be read), which {@link ProblemAdvice} (bound to API controllers)
 * never sees. Under /api they become problem+json; for pages they are passed on to the error page.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnhandledApiRequests {

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException e, HttpServletRequest request) throws Exception {
        return apiOnly(e, request, HttpStatus.NOT_FOUND, "Not found", "There is no such resource: " + request.getRequestURI());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws Exception {
        return apiOnly(e, request, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
            throws Exception {
        return apiOnly(e, request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request)
            throws Exception {
        return apiOnly(e, request, HttpStatus.CONTENT_TOO_LARGE, "Request too large",
                "The upload is larger than the limit for one request.");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> badMultipart(MultipartException e, HttpServletRequest request) throws Exception {
        return apiOnly(e, request, HttpStatus.BAD_REQUEST, "Malformed request",
                "The multipart/form-data body could not be read (too many parts, a part header too long, or a broken body).");
    }

    /** Rethrowing hands a page request on to the next resolver, which sends the error page. */
    private static ResponseEntity<ProblemDetail> apiOnly(Exception e, HttpServletRequest request, HttpStatus status,
            String title, String detail) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e;
        }
        return ResponseEntity.status(status).body(ProblemAdvice.problem(status, title, detail));
    }
}
