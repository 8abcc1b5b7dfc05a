{{/* Name of a service's objects: <release>-<service>, e.g. citykpi-projects. */}}
{{- define "citykpi.name" -}}
{{- printf "%s-%s" .root.Release.Name .service | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "citykpi.selectorLabels" -}}
app.kubernetes.io/name: citykpi-{{ .service }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "citykpi.labels" -}}
{{ include "citykpi.selectorLabels" . }}
app.kubernetes.io/part-of: citykpi
app.kubernetes.io/component: {{ .service }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* A service's settings merged over the defaults. */}}
{{- define "citykpi.config" -}}
{{- toYaml (mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy .values)) -}}
{{- end -}}

{{- define "citykpi.image" -}}
{{- $image := .root.Values.image -}}
{{- $repository := printf "%s/%s/citykpi-%s" $image.registry $image.repositoryPrefix .service -}}
{{- if .values.imageDigest -}}
{{- printf "%s@%s" $repository .values.imageDigest -}}
{{- else -}}
{{- printf "%s:%s" $repository (default .root.Chart.AppVersion $image.tag) -}}
{{- end -}}
{{- end -}}
