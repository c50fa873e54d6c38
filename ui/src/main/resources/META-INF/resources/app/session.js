// Who is signed in (from GET auth/me or signing in). The session token itself is in an HttpOnly
// cookie the page cannot read.
export const session = {user: null};
