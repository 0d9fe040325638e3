/** Local child safeguarding practice reviews and local learning reviews (methods, author, stages); serious case reviews. */
package org.canopy.learning.reviews;
