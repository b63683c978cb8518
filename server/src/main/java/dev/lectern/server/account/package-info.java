/** Accounts (when turned on): teachers and students, their passwords, sign-in, and who may see which run. */
package dev.lectern.server.account;
