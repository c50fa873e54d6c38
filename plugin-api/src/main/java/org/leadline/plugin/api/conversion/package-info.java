/** Extension point {@link org.leadline.plugin.api.conversion.ConversionHandler}: act when a lead is qualified. */
@Beta("used by the conversion feature, which is not released yet")
package org.leadline.plugin.api.conversion;

import org.leadline.plugin.api.Beta;
