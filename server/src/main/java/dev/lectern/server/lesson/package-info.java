/** Lessons a teacher hands out by a short link, students' runs of them with their answers, and the class view. */
package dev.lectern.server.lesson;
