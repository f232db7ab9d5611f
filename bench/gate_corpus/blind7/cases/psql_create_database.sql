CREATE DATABASE perps_reporting;
