/**
 * The Leadline plugin API: the only types a plugin compiles against.
 *
 * <p>A plugin is a PF4J plugin (a jar or zip with a {@code Plugin-Id}, {@code Plugin-Version} and
 * {@code Plugin-Requires} in its manifest) that contributes extensions. Each extension implements one
 * extension point, one package each: {@link org.leadline.plugin.api.source source},
 * {@link org.leadline.plugin.api.scoring scoring}, {@link org.leadline.plugin.api.process process},
 * {@link org.leadline.plugin.api.conversion conversion} and
 * {@link org.leadline.plugin.api.lifecycle lifecycle}. All of them extend {@link LeadlineExtension}:
 * a stable id and a declaration of the extension's settings.
 *
 * <p>Rules a partner can rely on:
 * <ul>
 *   <li>Depend on this API and on pf4j with {@code <scope>provided</scope>} and never bundle them:
 *       the server refuses an archive that contains them.</li>
 *   <li>One extension instance serves every tenant. Everything tenant-specific arrives in the
 *       {@link PluginContext} passed to each call, so keep no per-tenant state in fields.</li>
 *   <li>Every call is made through a guard with a time limit; an extension that keeps failing is
 *       quarantined for that tenant until an administrator re-enables it.</li>
 *   <li>Types marked {@link Stable} change only compatibly within a major version; {@link Beta}
 *       types may still change in a minor version.</li>
 * </ul>
 */
@Stable(since = "1.0")
package org.leadline.plugin.api;
