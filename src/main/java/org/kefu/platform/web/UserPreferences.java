package org.kefu.platform.web;

import java.util.Locale;

/** Remembers a signed-in user's choice of language (implemented by the module that owns users). */
public interface UserPreferences {

    void languageChosen(long userId, Locale locale);
}
