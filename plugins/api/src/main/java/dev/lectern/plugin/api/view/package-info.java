/**
 * Charts and tables described as data. A plugin returns these records; the workbench renders them, so
 * plugin authors write no templates or JavaScript.
 */
package dev.lectern.plugin.api.view;
