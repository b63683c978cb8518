package dev.lectern.server.access;

/** What an account may do. */
public enum Role {
    /** Does everything, manages accounts, sees every run. */
    TEACHER,
    /** Sees and acts on their own runs only. */
    STUDENT
}
