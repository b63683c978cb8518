/** What the built-in lecture-model plugins share: batch order, optimizer by name, label conversion. */
package dev.lectern.plugin.support;
