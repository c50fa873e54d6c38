/**
 * The Leadline plugin API: the only types a plugin compiles against.
 */
package org.leadline.plugin.api;
