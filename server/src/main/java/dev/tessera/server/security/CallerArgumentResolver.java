package dev.tessera.server.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controllers take the current {@link Caller} as a parameter. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Caller.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    return current();
  }

  public static Caller current() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null) {
      return Caller.anonymous();
    }
    Object principal = authentication.getPrincipal();
    if (principal instanceof Caller caller) {
      return caller;
    }
    if (principal instanceof LocalAccount account) {
      return account.caller();
    }
    return Caller.anonymous();
  }
}
