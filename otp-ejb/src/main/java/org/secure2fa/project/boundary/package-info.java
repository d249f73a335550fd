/**
 * Projects of one account (create, settings and policy, linked channel and template, secret reveal and
 * rotation, delete); every method takes the acting account's id first and sees only its projects.
 */
package org.secure2fa.project.boundary;
