package io.citykpi.projects.project;

import io.citykpi.shared.contract.projects.ProjectStage;
import io.citykpi.shared.contract.projects.SizeClass;
import io.citykpi.shared.sector.Sector;

/** Filters of the project list; null means "any". */
public record ProjectFilter(String orgUnit, ProjectStage stage, Sector sector, SizeClass sizeClass,
                            Boolean statRegistered, Integer planYear, String text) {
}
