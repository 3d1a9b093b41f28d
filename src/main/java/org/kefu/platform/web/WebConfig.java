package org.kefu.platform.web;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
        languageSwitch.setParamName("lang");
        languageSwitch.setIgnoreInvalidLocale(true);
        registry.addInterceptor(languageSwitch).excludePathPatterns("/api/**");
        registry.addInterceptor(new CurrentUserInModel()).excludePathPatterns("/api/**");
    }

    /** Replaces Boot's ResourceUrlEncodingFilter (same dispatcher types), which is not created while this bean exists. */
    @Bean
    StaticResourceUrlEncodingFilter staticResourceUrlEncodingFilter(WebProperties web) {
        return new StaticResourceUrlEncodingFilter(StaticResourceUrlEncodingFilter.roots(List.of(web.getResources().getStaticLocations())));
    }

    @Bean
    FilterRegistrationBean<StaticResourceUrlEncodingFilter> staticResourceUrlEncodingFilterRegistration(
            StaticResourceUrlEncodingFilter filter) {
        FilterRegistrationBean<StaticResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** The bean name is what Spring MVC looks for. */
    @Bean
    LocaleResolver localeResolver(List<UserPreferences> preferences) {
        return new KefuLocaleResolver(preferences);
    }
}
