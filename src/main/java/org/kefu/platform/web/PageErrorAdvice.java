package org.kefu.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.kefu.platform.ConflictException;
import org.kefu.platform.ForbiddenException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.UnprocessableException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures in pages: the error page with the right status. For htmx requests the message also
 * travels in the {@code X-Kefu-Message} header, which kefu.js shows as a toast. API controllers
 * are handled first by {@link ProblemAdvice}.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletResponse response) {
        return error(HttpStatus.NOT_FOUND, null, response);
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e, HttpServletResponse response) {
        return error(HttpStatus.FORBIDDEN, e.getMessage(), response);
    }

    @ExceptionHandler({InvalidRequestException.class, UnprocessableException.class})
    ModelAndView invalid(RuntimeException e, HttpServletResponse response) {
        return error(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), response);
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e, HttpServletResponse response) {
        return error(HttpStatus.CONFLICT, e.getMessage(), response);
    }

    private static ModelAndView error(HttpStatus status, String message, HttpServletResponse response) {
        if (message != null) {
            response.setHeader("X-Kefu-Message", URLEncoder.encode(message, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        ModelAndView view = new ModelAndView("error", status);
        view.addObject("status", status.value());
        view.addObject("message", message);
        return view;
    }
}
