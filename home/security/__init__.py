"""Sign-in security: two-factor sign-in, login lockout, the Content-Security-Policy (issue 10)."""
