package org.kefu.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.UnprocessableException;
import org.kefu.portal.PortalCustomer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/** Portal pages get the signed-in customer as {@code customer}, and failures as a portal error page (not the agents'). */
@ControllerAdvice(assignableTypes = {PortalAuthController.class, PortalTicketController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalPageAdvice {

    @ModelAttribute("customer")
    PortalCustomer customer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof PortalCustomer c ? c : null;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletResponse response) {
        return error(HttpStatus.NOT_FOUND, "portal.error.notFound");
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(HttpServletResponse response) {
        return error(HttpStatus.CONFLICT, "portal.error.conflict");
    }

    @ExceptionHandler({InvalidRequestException.class, UnprocessableException.class})
    ModelAndView invalid(HttpServletResponse response) {
        return error(HttpStatus.UNPROCESSABLE_CONTENT, "portal.error.invalid");
    }

    private ModelAndView error(HttpStatus status, String messageKey) {
        ModelAndView view = new ModelAndView("portal/error", status);
        view.addObject("status", status.value());
        view.addObject("messageKey", messageKey);
        view.addObject("customer", customer());
        return view;
    }
}
