/** Extension point {@link org.leadline.plugin.api.scoring.ScoringRule}: contribute to a lead's score and rating. */
@Beta("called by the rating engine of the qualification feature, which is not released yet")
package org.leadline.plugin.api.scoring;

import org.leadline.plugin.api.Beta;
