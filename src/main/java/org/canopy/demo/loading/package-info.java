/** The demo loader: one explicit sequence of the modules' demo entries. */
package org.canopy.demo.loading;
