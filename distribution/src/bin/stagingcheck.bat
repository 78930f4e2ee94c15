@echo off
rem SPDX-License-Identifier: Apache-2.0
rem Runs stagingcheck from the distribution archive on Windows, from any working directory.
rem JAVA_HOME selects the Java runtime (default: java on the PATH); JAVA_OPTS adds JVM options,
rem e.g. set JAVA_OPTS=-Xmx2g. Logging is configured in conf\logback.xml. Prefer STAGING_PASSWORD,
rem PRODUCTION_PASSWORD or the bare --staging-password prompt to --staging-password=PW, which other
rem users can read in the process list. The POSIX twin of this file is bin/stagingcheck.
setlocal
rem %~dp0 is this file's own folder, whatever the working directory.
set "STAGING_HOME=%~dp0.."
set "JAVA_EXE=java"
rem No parenthesised blocks below: a JAVA_HOME such as C:\Program Files (x86)\... would end them.
if not defined JAVA_HOME goto run
set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if exist "%JAVA_EXE%" goto run
echo stagingcheck: JAVA_HOME is "%JAVA_HOME%" but holds no bin\java.exe: point JAVA_HOME at a Java 17+ runtime or unset it 1>&2
exit /b 2
:run
rem A single-threaded batch tool: the serial collector and a heap that starts small commit far
rem less memory than G1 (which the JVM picks on two or more cores) with a heap that starts at its
rem cap. A collector named in JAVA_OPTS replaces it: the JVM refuses two. The runs are short and
rem wait mostly on the databases: the client compiler alone (TieredStopAtLevel=1) runs them as
rem fast and spares the optimizing compiler's memory.
set "GC_OPT=-XX:+UseSerialGC"
echo.%JAVA_OPTS%| findstr /r /c:"-XX:+Use[A-Za-z]*GC" >nul && set "GC_OPT="
rem JAVA_OPTS comes last among the JVM options so that it can override the launcher's own.
"%JAVA_EXE%" %GC_OPT% -XX:InitialRAMPercentage=0.2 -XX:TieredStopAtLevel=1 "-Dlogback.configurationFile=%STAGING_HOME%\conf\logback.xml" %JAVA_OPTS% -cp "%STAGING_HOME%\lib\*" org.stagingutils.check.Main %*
exit /b %ERRORLEVEL%
